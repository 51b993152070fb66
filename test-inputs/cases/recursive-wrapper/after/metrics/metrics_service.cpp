#include "metrics/metrics_service.h"

#include "metrics/registry.h"

namespace shop {

MetricsService::MetricsService()
    : registry_(shop::metrics::DefaultRegistryPtr()),
      sync_retries_total_(prometheus::BuildCounter()
                              .Name("sync_retries_total")
                              .Help("Batch retries, one per attempt")
                              .Register(*registry_)),
      sync_pings_total_(prometheus::BuildCounter()
                            .Name("sync_pings_total")
                            .Help("Ping-pong rounds by side")
                            .Register(*registry_)) {}

// Calls itself once per attempt.
void MetricsService::RecordBatchRetried(int attempts) {
  if (attempts <= 0) {
    return;
  }
  sync_retries_total_.Add({}).Increment();
  RecordBatchRetried(attempts - 1);
}

// RecordPing and RecordPong call each other.
void MetricsService::RecordPing(int depth) {
  sync_pings_total_.Add({{"side", "ping"}}).Increment();
  if (depth > 0) {
    RecordPong(depth - 1);
  }
}

void MetricsService::RecordPong(int depth) {
  sync_pings_total_.Add({{"side", "pong"}}).Increment();
  if (depth > 0) {
    RecordPing(depth - 1);
  }
}

}  // namespace shop
