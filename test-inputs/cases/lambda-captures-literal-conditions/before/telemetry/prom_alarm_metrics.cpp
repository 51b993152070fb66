#include "telemetry/prom_alarm_metrics.hh"

namespace plant {

prom_alarm_metrics::prom_alarm_metrics()
    : registry_{std::make_shared<prometheus::Registry>()},
      alarms_{prometheus::BuildCounter()
                  .Name("plant_alarms_total")
                  .Help("Alarm transitions, by state")
                  .Register(*registry_)},
      samples_{prometheus::BuildGauge()
                   .Name("plant_sensor_value")
                   .Help("Last value read, by sensor")
                   .Register(*registry_)}
{
}

auto prom_alarm_metrics::on_alarm(bool fired) -> void
{
    alarms_.Add({{"state", fired ? "fired" : "cleared"}}).Increment();
}

auto prom_alarm_metrics::on_sample(std::string const& sensor, double value) -> void
{
    samples_.Add({{"sensor", sensor}}).Set(value);
}

} // namespace plant
