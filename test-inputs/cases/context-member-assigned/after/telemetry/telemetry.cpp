#include "telemetry/telemetry.h"

#include "telemetry/registry.h"

namespace kiosk {
namespace telemetry {

Telemetry::Telemetry()
    : registry_(std::shared_ptr<prometheus::Registry>(
          std::shared_ptr<prometheus::Registry>{},
          &kiosk::telemetry::DefaultRegistry())) {}

}  // namespace telemetry
}  // namespace kiosk
