#include "lobby/lobby.h"
#include "core/process_registry.h"
#include <prometheus/counter.h>
#include <prometheus/family.h>

namespace arcade {

prometheus::Family<prometheus::Counter>& ARCADE_MATCHES_TOTAL =
  prometheus::BuildCounter()
    .Name("arcade_matches_total")
    .Help("Matches started, by mode")
    .Register(arcade::process_registry());

lobby::lobby()
{
}

void
lobby::start_match(const std::string& mode)
{
    ++started_;
    ARCADE_MATCHES_TOTAL.Add({ { "mode", mode } }).Increment();
}

} // namespace arcade
