#include "telemetry/telemetry.h"

#include "telemetry/registry.h"

namespace kiosk {
namespace telemetry {

Telemetry::Telemetry() : registry_(kiosk::telemetry::DefaultRegistryPtr()) {}

}  // namespace telemetry
}  // namespace kiosk
