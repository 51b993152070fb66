#include "gw/latency_timer.h"
#include "gw/registry.h"
#include <prometheus/family.h>
#include <prometheus/histogram.h>

namespace gw {

prometheus::Histogram& GW_REQUEST_LATENCY_SECONDS =
    prometheus::BuildHistogram()
        .Name("gw_request_latency_seconds")
        .Help("Request latency")
        .Register(gw::DefaultRegistry())
        .Add({}, prometheus::Histogram::BucketBoundaries{0.01, 0.1, 1});

void LatencyTimer::start(IStats* stats) {
  stats_ = stats;
  started_ = std::chrono::steady_clock::now();
}

LatencyTimer::~LatencyTimer() {
  if (!stats_) return;
  std::chrono::duration<double> took = std::chrono::steady_clock::now() - started_;
  GW_REQUEST_LATENCY_SECONDS.Observe(took.count());
}

}  // namespace gw
