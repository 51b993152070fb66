#include "gw/stats.h"
#include "gw/registry.h"

namespace gw {

Stats::Stats()
    : registry_(gw::DefaultRegistryPtr()),
      latency_(
          prometheus::BuildHistogram()
              .Name("gw_request_latency_seconds")
              .Help("Request latency")
              .Register(*registry_)
              .Add({}, prometheus::Histogram::BucketBoundaries{0.01, 0.1, 1})) {
}

void Stats::latency(double seconds) { latency_.Observe(seconds); }

}  // namespace gw
