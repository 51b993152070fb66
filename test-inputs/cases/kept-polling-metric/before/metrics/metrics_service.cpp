#include "metrics/metrics_service.h"

#include <utility>

namespace shop {

MetricsService::MetricsService()
    : registry_(std::make_shared<prometheus::Registry>()),
      jobs_submitted_total_(prometheus::BuildCounter()
                                .Name("jobs_submitted_total")
                                .Help("Jobs submitted to the queue")
                                .Register(*registry_)
                                .Add({})),
      job_queue_depth_(prometheus::BuildGauge()
                           .Name("job_queue_depth")
                           .Help("Jobs waiting in the queue")
                           .Register(*registry_)
                           .Add({})) {}

void MetricsService::RecordJobSubmitted() { jobs_submitted_total_.Increment(); }

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
