#include "metrics/metrics_service.h"

namespace shop {

MetricsService::MetricsService()
    : registry_(std::make_shared<prometheus::Registry>()),
      lines_picked_total_(prometheus::BuildCounter()
                              .Name("lines_picked_total")
                              .Help("Pick list lines picked, by outcome")
                              .Register(*registry_)) {}

void MetricsService::RecordLinePicked(const std::string& outcome) {
  lines_picked_total_.Add({{"outcome", outcome}}).Increment();
}

}  // namespace shop
