#include "services/order_service.h"

#include <prometheus/counter.h>
#include <prometheus/family.h>

#include "metrics/registry.h"

namespace shop {

prometheus::Family<prometheus::Counter>& ORDERS_PLACED_TOTAL =
    prometheus::BuildCounter()
        .Name("orders_placed_total")
        .Help("Orders placed, by channel")
        .Labels({{"component", "orders"}})
        .Register(shop::metrics::DefaultRegistry());

OrderService::OrderService() {}

int OrderService::PlaceOrder(const std::string& part,
                             const std::string& channel) {
  orders_.push_back(part);
  ORDERS_PLACED_TOTAL.Add({{"channel", channel}}).Increment();
  return static_cast<int>(orders_.size());
}

}  // namespace shop
