#include <prometheus/text_serializer.h>

#include <string>

#include "door/controller.hpp"
#include "io/reader.hpp"
#include "telemetry/sink.hpp"

int main() {
    plant::telemetry::sink sink("east");
    plant::door::controller door;
    plant::io::reader reader(sink, "east");
    door.open();
    door.jam_detected(true);
    if (reader.read("k") != "east/k") {
        return 1;
    }
    reader.write("k");
    // What was created up front is exposed at 0 beside what was recorded.
    const std::string text = prometheus::TextSerializer().Serialize(sink.registry()->Collect());
    for (const char* line : {"plant_door_state{state=\"open\"} 1",
                             "plant_door_state{state=\"closed\"} 0",
                             "plant_door_state{state=\"jammed\"} 0",
                             "plant_alarms_total{outcome=\"fired\"} 1",
                             "plant_alarms_total{outcome=\"cleared\"} 0",
                             "plant_read_seconds_count{op=\"read\"} 1",
                             "plant_read_seconds_bucket{op=\"read\",le=\"0.001\"} 1",
                             "plant_read_seconds_bucket{op=\"read\",le=\"0.0001\"} 0",
                             "plant_shard_writes_total{shard=\"east\"} 1"}) {
        if (text.find(line) == std::string::npos) {
            return 2;
        }
    }
    return 0;
}
