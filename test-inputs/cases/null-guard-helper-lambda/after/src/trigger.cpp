#include "daq/trigger.h"

#include "daq/telemetry_registry.h"
#include "daq/with_telemetry.h"
#include <prometheus/counter.h>
#include <prometheus/family.h>

namespace daq {

prometheus::Counter& DAQ_TRIGGERS_TOTAL = prometheus::BuildCounter()
                                            .Name("daq_triggers_total")
                                            .Help("Triggers fired")
                                            .Register(daq::TelemetryRegistry())
                                            .Add({});

Trigger::Trigger(Telemetry* aTelemetry)
  : mTelemetry(aTelemetry)
{
}

void
Trigger::fire()
{
  // Counted only while the telemetry is attached.
  withTelemetry(mTelemetry, [this](Telemetry& /*aTelemetry*/) {
    DAQ_TRIGGERS_TOTAL.Increment();
    ++mFired;
  });
}

} // namespace daq
