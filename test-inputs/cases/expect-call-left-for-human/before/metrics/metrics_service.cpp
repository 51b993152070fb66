#include "metrics/metrics_service.h"

namespace shop {

MetricsService::MetricsService()
    : registry_(std::make_shared<prometheus::Registry>()),
      orders_placed_total_(prometheus::BuildCounter()
                               .Name("orders_placed_total")
                               .Help("Orders placed, by channel")
                               .Register(*registry_)),
      payment_failures_total_(prometheus::BuildCounter()
                                  .Name("payment_failures_total")
                                  .Help("Failed payment attempts")
                                  .Register(*registry_)
                                  .Add({})) {}

void MetricsService::RecordOrderPlaced(const std::string& channel) {
  orders_placed_total_.Add({{"channel", channel}}).Increment();
}

void MetricsService::RecordPaymentFailure() {
  payment_failures_total_.Increment();
}

}  // namespace shop
