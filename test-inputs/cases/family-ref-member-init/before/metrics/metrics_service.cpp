#include "metrics/metrics_service.h"

namespace shop {

MetricsService::MetricsService()
    : registry_(std::make_shared<prometheus::Registry>()),
      orders_placed_total_(prometheus::BuildCounter()
                               .Name("orders_placed_total")
                               .Help("Orders placed, by channel")
                               .Labels({{"component", "orders"}})
                               .Register(*registry_)) {}

void MetricsService::RecordOrderPlaced(const std::string& channel) {
  orders_placed_total_.Add({{"channel", channel}}).Increment();
}

}  // namespace shop
