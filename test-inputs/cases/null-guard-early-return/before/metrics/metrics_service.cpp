#include "metrics/metrics_service.h"

namespace shop {

MetricsService::MetricsService()
    : registry_(std::make_shared<prometheus::Registry>()),
      lines_received_total_(prometheus::BuildCounter()
                                .Name("lines_received_total")
                                .Help("Shopping list lines received")
                                .Register(*registry_)) {
  lines_added_total_ = &prometheus::BuildCounter()
                            .Name("lines_added_total")
                            .Help("Shopping list lines added")
                            .Register(*registry_)
                            .Add({});
}

void MetricsService::RecordLineAdded() { lines_added_total_->Increment(); }

void MetricsService::RecordLineReceived(const std::string& supplier) {
  lines_received_total_.Add({{"supplier", supplier}}).Increment();
}

}  // namespace shop
