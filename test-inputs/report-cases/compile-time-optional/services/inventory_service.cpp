#include "services/inventory_service.h"

#include "app/config.h"

namespace shop {

InventoryService::InventoryService(Database& db,
                                   MetricsServiceProtocol& metrics)
    : db_(db), metrics_(metrics) {}

void InventoryService::AddStock(const std::string& part, int qty) {
  stock_[part] += qty;
  db_.Save(part, stock_[part]);
#ifdef SHOP_TRACE
  metrics_.RecordQuantityChange("add", qty);
#endif
}

}  // namespace shop
