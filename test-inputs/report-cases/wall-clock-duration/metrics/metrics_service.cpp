#include "metrics/metrics_service.h"

namespace shop {

MetricsService::MetricsService()
    : registry_(std::make_shared<prometheus::Registry>()),
      sync_duration_seconds_(prometheus::BuildHistogram()
                                 .Name("sync_duration_seconds")
                                 .Help("Time spent syncing, by mode")
                                 .Register(*registry_)) {}

void MetricsService::RecordSyncDuration(const std::string& mode,
                                        double seconds) {
  sync_duration_seconds_
      .Add({{"mode", mode}},
           prometheus::Histogram::BucketBoundaries{0.1, 1, 10})
      .Observe(seconds);
}

}  // namespace shop
