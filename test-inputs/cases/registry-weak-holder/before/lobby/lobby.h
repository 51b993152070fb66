#pragma once

#include <string>

#include "telemetry/telemetry_hub.h"

namespace arcade {

class lobby
{
  public:
    explicit lobby(telemetry_hub& hub);

    void start_match(const std::string& mode);

  private:
    telemetry_hub& hub_;
    int started_ = 0;
};

} // namespace arcade
