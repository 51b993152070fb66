#include "metrics/metrics_service.h"

namespace shop {

MetricsService::MetricsService()
    : registry_(std::make_shared<prometheus::Registry>()),
      orders_total_(prometheus::BuildCounter()
                        .Name("orders_total")
                        .Help("Orders, by event")
                        .Register(*registry_)) {}

void MetricsService::RecordOrder(const std::string& event) {
  orders_total_.Add({{"event", event}}).Increment();
}

}  // namespace shop
