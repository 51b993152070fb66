#include "gw/stats.h"

namespace gw {

Stats::Stats()
    : registry_(std::make_shared<prometheus::Registry>()),
      requests_(prometheus::BuildCounter()
                    .Name("gw_requests_total")
                    .Help("Requests seen")
                    .Register(*registry_)
                    .Add({})),
      latency_(prometheus::BuildHistogram()
                   .Name("gw_request_latency_seconds")
                   .Help("Request latency")
                   .Register(*registry_)
                   .Add({}, prometheus::Histogram::BucketBoundaries{0.01, 0.1, 1})) {}

void Stats::request_seen() { requests_.Increment(); }

void Stats::latency(double seconds) { latency_.Observe(seconds); }

}  // namespace gw
