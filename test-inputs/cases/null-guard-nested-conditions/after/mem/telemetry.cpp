#include "mem/telemetry.hpp"
#include "mem/registry.hpp"

namespace mem {

Telemetry::Telemetry() : registry_(mem::metrics::RegistryPtr()) {}

}
