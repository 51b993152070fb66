#include <app/telemetry/registry.hpp>

namespace app {

prometheus::Registry& metricsRegistry() {
  static prometheus::Registry registry;
  return registry;
}

}  // namespace app
