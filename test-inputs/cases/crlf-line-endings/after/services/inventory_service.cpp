#include "services/inventory_service.h"

#include <prometheus/counter.h>
#include <prometheus/family.h>

#include "metrics/registry.h"

namespace shop {

prometheus::Family<prometheus::Counter>& INVENTORY_QUANTITY_CHANGES_TOTAL =
    prometheus::BuildCounter()
        .Name("inventory_quantity_changes_total")
        .Help("Quantity changes by operation")
        .Register(shop::metrics::DefaultRegistry());

InventoryService::InventoryService(Database& db) : db_(db) {}

void InventoryService::AddStock(const std::string& part, int qty) {
  stock_[part] += qty;
  db_.Save(part, stock_[part]);
  INVENTORY_QUANTITY_CHANGES_TOTAL.Add({{"operation", "add"}}).Increment(qty);
}

}  // namespace shop
