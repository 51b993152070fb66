#include "telemetry/telemetry_hub.h"

#include <utility>

namespace arcade {

telemetry_hub::telemetry_hub(std::shared_ptr<prometheus::Registry> registry)
  : registry_(std::move(registry))
  , matches_(prometheus::BuildCounter()
               .Name("arcade_matches_total")
               .Help("Matches started, by mode")
               .Register(*registry_))
{
}

void
telemetry_hub::count_match(const std::string& mode)
{
    matches_.Add({ { "mode", mode } }).Increment();
}

} // namespace arcade
