#include "acme/obs/metrics.hpp"

namespace acme::obs {

Metrics::Metrics()
    : registry_(std::make_shared<prometheus::Registry>()),
      fam_steps_(prometheus::BuildCounter()
          .Name("acme_engine_steps_total").Help("engine steps by outcome")
          .Register(*registry_)),
      fam_step_seconds_(prometheus::BuildHistogram()
          .Name("acme_engine_step_seconds").Help("time one step took")
          .Register(*registry_)) {}

prometheus::Counter& Metrics::steps_total(const std::string& outcome) {
    return fam_steps_.Add({{"outcome", outcome}});
}

prometheus::Histogram& Metrics::step_seconds() {
    return fam_step_seconds_.Add({}, prometheus::Histogram::BucketBoundaries{0.1, 1.0});
}

}  // namespace acme::obs
