#include "metrics/gate_metrics.h"
#include "metrics/registry.h"

namespace gate {

GateMetrics::GateMetrics() : registry_(gate::metrics::DefaultRegistryPtr()) {}

} // namespace gate
