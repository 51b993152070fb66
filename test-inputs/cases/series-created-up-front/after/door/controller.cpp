#include "door/controller.hpp"
#include "telemetry/registry.hpp"
#include <prometheus/counter.h>
#include <prometheus/family.h>
#include <prometheus/gauge.h>

namespace plant {
namespace door {

prometheus::Family<prometheus::Counter>& PLANT_ALARMS_TOTAL =
    []() -> prometheus::Family<prometheus::Counter>& {
    auto& family = prometheus::BuildCounter()
                       .Name("plant_alarms_total")
                       .Help("Alarms by outcome")
                       .Register(plant::telemetry::default_registry());
    family.Add({{"outcome", "fired"}});
    family.Add({{"outcome", "cleared"}});
    return family;
}();

prometheus::Family<prometheus::Gauge>& PLANT_DOOR_STATE =
    []() -> prometheus::Family<prometheus::Gauge>& {
    auto& family = prometheus::BuildGauge()
                       .Name("plant_door_state")
                       .Help("Doors by state")
                       .Register(plant::telemetry::default_registry());
    // Every state is exposed before the first door moves.
    for (const char* state : {"open", "closed", "jammed"}) {
        family.Add({{"state", state}}).Set(0);
    }
    return family;
}();

controller::controller() {}

void controller::open() {
    PLANT_DOOR_STATE.Add({{"state", "closed"}}).Set(0);
    PLANT_DOOR_STATE.Add({{"state", "open"}}).Set(1);
}

void controller::jam_detected(bool still_jammed) {
    PLANT_ALARMS_TOTAL.Add({{"outcome", still_jammed ? "fired" : "cleared"}})
        .Increment();
}

} // namespace door
} // namespace plant
