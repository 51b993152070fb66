#include "door/controller.hpp"

namespace plant {
namespace door {

controller::controller(telemetry::sink_interface& sink) : sink_(sink) {}

void controller::open() {
    sink_.door_state("closed", 0);
    sink_.door_state("open", 1);
}

void controller::jam_detected(bool still_jammed) {
    sink_.alarm(still_jammed);
}

} // namespace door
} // namespace plant
