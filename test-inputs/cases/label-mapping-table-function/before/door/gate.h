#pragma once

#include "metrics/gate_metrics.h"

namespace gate {

class Gate {
public:
  explicit Gate(GateMetricsInterface & metrics) : metrics_(metrics) {}

  // Opens for a valid badge outside the curfew; returns whether it opened.
  bool badge(bool valid, bool curfew);

private:
  GateMetricsInterface & metrics_;
};

} // namespace gate
