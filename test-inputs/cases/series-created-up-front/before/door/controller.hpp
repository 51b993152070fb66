#ifndef PLANT_DOOR_CONTROLLER_HPP
#define PLANT_DOOR_CONTROLLER_HPP

#include "telemetry/sink.hpp"

namespace plant {
namespace door {

class controller {
public:
    explicit controller(telemetry::sink_interface& sink);

    void open();
    void jam_detected(bool still_jammed);

private:
    telemetry::sink_interface& sink_;
};

} // namespace door
} // namespace plant

#endif // PLANT_DOOR_CONTROLLER_HPP
