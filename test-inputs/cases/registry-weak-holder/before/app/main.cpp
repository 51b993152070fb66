#include <memory>

#include <prometheus/registry.h>

#include "lobby/lobby.h"
#include "net/scrape_endpoint.h"
#include "telemetry/telemetry_hub.h"

int
main()
{
    auto registry = std::make_shared<prometheus::Registry>();
    arcade::telemetry_hub hub(registry);
    arcade::scrape_endpoint endpoint;
    endpoint.attach(hub.registry());

    arcade::lobby lobby(hub);
    lobby.start_match("duel");
    // The endpoint still serves the registry the hub holds.
    return endpoint.live_sources() == 1 ? 0 : 1;
}
