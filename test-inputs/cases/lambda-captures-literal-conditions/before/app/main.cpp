#include <prometheus/text_serializer.h>

#include <string>

#include "plant/monitor.hh"
#include "telemetry/prom_alarm_metrics.hh"

auto main() -> int
{
    plant::prom_alarm_metrics metrics;
    plant::monitor watch{metrics, 80.0};
    watch.poll({{"boiler", 91.5}, {"intake", 12.0}});
    watch.clear();
    watch.raise();
    plant::replay(metrics, {1.0, 2.5});
    auto const text = prometheus::TextSerializer().Serialize(metrics.registry()->Collect());
    for (char const* line : {"plant_alarms_total{state=\"fired\"} 2\n",
                             "plant_alarms_total{state=\"cleared\"} 1\n",
                             "plant_sensor_value{sensor=\"boiler\"} 91.5\n",
                             "plant_sensor_value{sensor=\"replay\"} 2.5\n"}) {
        if (text.find(line) == std::string::npos) {
            return 1;
        }
    }
    return 0;
}
