#include "daq/trigger.h"

#include "daq/with_telemetry.h"

namespace daq {

Trigger::Trigger(Telemetry* aTelemetry)
  : mTelemetry(aTelemetry)
{
}

void
Trigger::fire()
{
  // Counted only while the telemetry is attached.
  withTelemetry(mTelemetry, [this](Telemetry& aTelemetry) {
    aTelemetry.countTrigger();
    ++mFired;
  });
}

} // namespace daq
