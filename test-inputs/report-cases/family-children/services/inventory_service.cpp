#include "services/inventory_service.h"

namespace shop {

InventoryService::InventoryService(Database& db,
                                   MetricsServiceProtocol& metrics)
    : db_(db), metrics_(metrics) {}

void InventoryService::AddStock(const std::string& part, int qty) {
  stock_[part] += qty;
  db_.Save(part, stock_[part]);
  metrics_.RecordQuantityChange("add", qty);
  if (qty > 0) {
    metrics_.RecordRestockOk();
  } else {
    metrics_.RecordRestockFailed();
  }
}

}  // namespace shop
