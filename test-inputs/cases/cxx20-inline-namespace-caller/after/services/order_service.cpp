#include "services/order_service.h"

#include <prometheus/counter.h>
#include <prometheus/family.h>

#include "metrics/registry.h"

namespace shop::orders {

prometheus::Family<prometheus::Counter>& INVENTORY_QUANTITY_CHANGES_TOTAL =
    prometheus::BuildCounter()
        .Name("inventory_quantity_changes_total")
        .Help("Quantity changes by operation")
        .Register(shop::metrics::DefaultRegistry());

}  // namespace shop::orders

namespace shop::orders::inline v2 {
namespace {

void RecordReturnedQuantity(int quantity) {
  INVENTORY_QUANTITY_CHANGES_TOTAL.Add({{"operation", "return"}})
      .Increment(quantity);
}

}  // namespace

OrderService::OrderService() {}

void OrderService::Place(const Order& order) {
  INVENTORY_QUANTITY_CHANGES_TOTAL.Add({{"operation", "order"}})
      .Increment(-order.quantity);
}

void OrderService::Return(const Order& order) {
  RecordReturnedQuantity(order.quantity);
}

}  // namespace shop::orders::inline v2
