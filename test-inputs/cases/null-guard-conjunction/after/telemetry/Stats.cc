#include "telemetry/Stats.h"
#include "telemetry/Registry.h"

namespace relay {

Stats::Stats() : mRegistry(relay::telemetry::processRegistryPtr()) {}

} // namespace relay
