#pragma once

#include <map>
#include <string>
#include <vector>

#include "telemetry/alarm_metrics.hh"

namespace plant {

// Watches the sensors and raises the alarm above a limit.
class monitor {
  public:
    monitor(alarm_metrics& metrics, double limit);

    auto poll(std::map<std::string, double> const& readings) -> void;
    auto raise() -> void;
    auto clear() -> void;

  private:
    alarm_metrics& metrics_;
    double const limit_;
};

auto replay(alarm_metrics& metrics, std::vector<double> const& values) -> void;

} // namespace plant
