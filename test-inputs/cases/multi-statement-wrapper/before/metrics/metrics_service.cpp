#include "metrics/metrics_service.h"

namespace shop {

MetricsService::MetricsService()
    : registry_(std::make_shared<prometheus::Registry>()),
      pick_lists_created_total_(prometheus::BuildCounter()
                                    .Name("pick_lists_created_total")
                                    .Help("Pick lists created")
                                    .Register(*registry_)
                                    .Add({})),
      pick_list_lines_(
          prometheus::BuildHistogram()
              .Name("pick_list_lines")
              .Help("Lines per pick list")
              .Register(*registry_)
              .Add({}, prometheus::Histogram::BucketBoundaries{1, 5, 10})) {}

void MetricsService::RecordPickListCreated(int line_count) {
  if (line_count <= 0) {
    return;
  }
  pick_lists_created_total_.Increment();
  pick_list_lines_.Observe(line_count);
}

}  // namespace shop
