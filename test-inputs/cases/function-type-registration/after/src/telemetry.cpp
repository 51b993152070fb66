#include "shipper/telemetry.h"
#include "shipper/process_registry.h"

namespace shipper {

Telemetry::Telemetry() : registry_(shipper::process_registry_ptr()) {}

}  // namespace shipper
