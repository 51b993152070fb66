#include "services/order_service.h"

#include <prometheus/counter.h>
#include <prometheus/family.h>

#include "metrics/registry.h"

namespace shop {

prometheus::Family<prometheus::Counter>& ORDERS_PLACED_TOTAL =
    prometheus::BuildCounter()
        .Name("orders_placed_total")
        .Help("Orders placed, by channel")
        .Register(shop::metrics::DefaultRegistry());

OrderService::OrderService(MetricsServiceProtocol& metrics)
    : metrics_(metrics) {}

void OrderService::Place(const std::string& channel) {
  ++placed_;
  ORDERS_PLACED_TOTAL.Add({{"channel", channel}}).Increment();
}

bool OrderService::Pay(const std::function<bool()>& charge) {
  for (int attempt = 0; attempt < 3; ++attempt) {
    if (charge()) {
      return true;
    }
    metrics_.RecordPaymentFailure();
  }
  return false;
}

}  // namespace shop
