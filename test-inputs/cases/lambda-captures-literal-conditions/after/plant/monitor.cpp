#include "plant/monitor.hh"
#include "telemetry/process_registry.hh"

#include <algorithm>
#include <prometheus/counter.h>
#include <prometheus/family.h>
#include <prometheus/gauge.h>

namespace plant {

prometheus::Family<prometheus::Counter>& PLANT_ALARMS_TOTAL =
    prometheus::BuildCounter()
        .Name("plant_alarms_total")
        .Help("Alarm transitions, by state")
        .Register(plant::process_registry());

prometheus::Family<prometheus::Gauge>& PLANT_SENSOR_VALUE =
    prometheus::BuildGauge()
        .Name("plant_sensor_value")
        .Help("Last value read, by sensor")
        .Register(plant::process_registry());

monitor::monitor(double const limit) : limit_{limit}
{
}

auto monitor::poll(std::map<std::string, double> const& readings) -> void
{
    std::for_each(readings.begin(), readings.end(), [](auto const& reading) {
        PLANT_SENSOR_VALUE.Add({{"sensor", reading.first}}).Set(reading.second);
    });
    auto const over = std::any_of(readings.begin(), readings.end(),
                                  [this](auto const& reading) { return reading.second > limit_; });
    PLANT_ALARMS_TOTAL.Add({{"state", over ? "fired" : "cleared"}}).Increment();
}

auto monitor::raise() -> void {
    PLANT_ALARMS_TOTAL.Add({{"state", "fired"}}).Increment();
}

auto monitor::clear() -> void {
    PLANT_ALARMS_TOTAL.Add({{"state", "cleared"}}).Increment();
}

auto replay(std::vector<double> const& values) -> void
{
    auto const each = [](double const value) {
        PLANT_SENSOR_VALUE.Add({{"sensor", "replay"}}).Set(value);
    };
    std::for_each(values.begin(), values.end(), each);
}

} // namespace plant
