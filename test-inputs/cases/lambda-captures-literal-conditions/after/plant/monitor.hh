#pragma once

#include <map>
#include <prometheus/counter.h>
#include <prometheus/family.h>
#include <prometheus/gauge.h>
#include <string>
#include <vector>

namespace plant {

extern prometheus::Family<prometheus::Counter>& PLANT_ALARMS_TOTAL;

extern prometheus::Family<prometheus::Gauge>& PLANT_SENSOR_VALUE;

// Watches the sensors and raises the alarm above a limit.
class monitor {
  public:
    monitor(double limit);

    auto poll(std::map<std::string, double> const& readings) -> void;
    auto raise() -> void;
    auto clear() -> void;

  private:
    double const limit_;
};

auto replay(std::vector<double> const& values) -> void;

} // namespace plant
