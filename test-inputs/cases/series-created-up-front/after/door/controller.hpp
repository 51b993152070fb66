#ifndef PLANT_DOOR_CONTROLLER_HPP
#define PLANT_DOOR_CONTROLLER_HPP

#include <prometheus/counter.h>
#include <prometheus/family.h>
#include <prometheus/gauge.h>

namespace plant {
namespace door {

extern prometheus::Family<prometheus::Counter>& PLANT_ALARMS_TOTAL;

extern prometheus::Family<prometheus::Gauge>& PLANT_DOOR_STATE;

class controller {
public:
    controller();

    void open();
    void jam_detected(bool still_jammed);
};

} // namespace door
} // namespace plant

#endif // PLANT_DOOR_CONTROLLER_HPP
