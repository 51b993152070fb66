#include "telemetry/prom_alarm_metrics.hh"
#include "telemetry/process_registry.hh"

namespace plant {

prom_alarm_metrics::prom_alarm_metrics() : registry_{plant::process_registry_ptr()}
{
}

} // namespace plant
