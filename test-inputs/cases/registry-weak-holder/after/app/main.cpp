#include <memory>

#include <prometheus/registry.h>

#include "core/process_registry.h"
#include "lobby/lobby.h"
#include "net/scrape_endpoint.h"
#include "telemetry/telemetry_hub.h"

int
main()
{
    auto registry = std::shared_ptr<prometheus::Registry>(
      &arcade::process_registry(), [](prometheus::Registry*) {});
    arcade::telemetry_hub hub(registry);
    arcade::scrape_endpoint endpoint;
    endpoint.attach(hub.registry());

    arcade::lobby lobby;
    lobby.start_match("duel");
    // The endpoint still serves the registry the hub holds.
    return endpoint.live_sources() == 1 ? 0 : 1;
}
