#include "telemetry/metrics.h"
#include "telemetry/registry.h"

namespace relay {

Metrics::Metrics(std::shared_ptr<prometheus::Registry> /*registry*/) : registry_(relay::telemetry::registry_ptr()) {}

}  // namespace relay
