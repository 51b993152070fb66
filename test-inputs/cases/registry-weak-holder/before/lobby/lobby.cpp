#include "lobby/lobby.h"

namespace arcade {

lobby::lobby(telemetry_hub& hub)
  : hub_(hub)
{
}

void
lobby::start_match(const std::string& mode)
{
    ++started_;
    hub_.count_match(mode);
}

} // namespace arcade
