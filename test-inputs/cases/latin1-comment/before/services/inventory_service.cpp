#include "services/inventory_service.h"

namespace shop {

InventoryService::InventoryService(Database& db,
                                   MetricsServiceProtocol& metrics)
    : db_(db), metrics_(metrics) {}

// Stock arrivée: counted once per delivery (réception).
void InventoryService::AddStock(const std::string& part, int qty) {
  stock_[part] += qty;
  db_.Save(part, stock_[part]);
  metrics_.RecordQuantityChange("add", qty);  // quantité
}

}  // namespace shop
