#pragma once

#include "daq/telemetry.h"

namespace daq {

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
