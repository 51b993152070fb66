#include "metrics/MetricsPrometheus.h"
#include "metrics/Registry.h"

namespace ingest {
    MetricsPrometheus::MetricsPrometheus() : registry_(ingest::metrics::defaultRegistryPtr()) {
    }
}
