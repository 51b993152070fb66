#include "acme/obs/metrics.hpp"
#include "acme/obs/process_registry.hpp"

namespace acme::obs {

Metrics::Metrics() : registry_(acme::obs::process_registry_ptr()) {}

}  // namespace acme::obs
