#include "replica/metrics_sink.h"
#include "replica/metrics_registry.h"

namespace replica {

void metrics_sink::setup() {
    registry_ = replica::metrics::default_registry_ptr();
}

}  // namespace replica
