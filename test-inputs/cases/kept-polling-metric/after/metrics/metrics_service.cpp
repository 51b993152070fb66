#include "metrics/metrics_service.h"

#include <utility>

#include "metrics/registry.h"

namespace shop {

MetricsService::MetricsService()
    : registry_(shop::metrics::DefaultRegistryPtr()),
      job_queue_depth_(prometheus::BuildGauge()
                           .Name("job_queue_depth")
                           .Help("Jobs waiting in the queue")
                           .Register(*registry_)
                           .Add({})) {}

void MetricsService::SetDepthSource(std::function<int()> source) {
  depth_source_ = std::move(source);
}

void MetricsService::PollOnce() { UpdateQueueDepth(); }

void MetricsService::UpdateQueueDepth() {
  if (depth_source_) {
    job_queue_depth_.Set(depth_source_());
  }
}

}  // namespace shop
