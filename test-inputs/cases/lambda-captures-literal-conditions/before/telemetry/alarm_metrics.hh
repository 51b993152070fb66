#pragma once

#include <string>

namespace plant {

// What the plant reports about its alarms and sensors.
class alarm_metrics {
  public:
    virtual ~alarm_metrics() = default;

    virtual auto on_alarm(bool fired) -> void = 0;
    virtual auto on_sample(std::string const& sensor, double value) -> void = 0;
};

} // namespace plant
