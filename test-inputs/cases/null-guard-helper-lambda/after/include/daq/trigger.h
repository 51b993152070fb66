#pragma once

#include "daq/telemetry.h"
#include <prometheus/counter.h>
#include <prometheus/family.h>

namespace daq {

extern prometheus::Counter& DAQ_TRIGGERS_TOTAL;

/// Fires when a block crosses the threshold.
class Trigger
{
public:
  explicit Trigger(Telemetry* aTelemetry);

  void fire();
  int fired() const { return mFired; }

private:
  Telemetry* mTelemetry;
  int mFired = 0;
};

} // namespace daq
