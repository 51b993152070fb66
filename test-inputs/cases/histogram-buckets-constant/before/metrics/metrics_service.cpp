#include "metrics/metrics_service.h"

namespace shop {
namespace {

// Latency buckets for request/response style operations.
static const prometheus::Histogram::BucketBoundaries kLatencyBuckets{
    0.01, 0.05, 0.1, 0.5, 1.0};

}  // namespace

MetricsService::MetricsService()
    : registry_(std::make_shared<prometheus::Registry>()),
      search_duration_seconds_(prometheus::BuildHistogram()
                                   .Name("search_duration_seconds")
                                   .Help("Time spent searching, by endpoint")
                                   .Register(*registry_)) {}

void MetricsService::RecordSearchDuration(const std::string& endpoint,
                                          double seconds) {
  search_duration_seconds_.Add({{"endpoint", endpoint}}, kLatencyBuckets)
      .Observe(seconds);
}

}  // namespace shop
