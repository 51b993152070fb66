#include "telemetry/telemetry_hub.h"
#include "core/process_registry.h"

#include <utility>

namespace arcade {

telemetry_hub::telemetry_hub(std::shared_ptr<prometheus::Registry> /*registry*/)
  : registry_(
      std::shared_ptr<prometheus::Registry>(&arcade::process_registry(),
                                            [](prometheus::Registry*) {}))
{
}

} // namespace arcade
