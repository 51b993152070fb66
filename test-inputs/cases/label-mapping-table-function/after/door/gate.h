#pragma once

#include <prometheus/counter.h>
#include <prometheus/family.h>

namespace gate {

extern prometheus::Family<prometheus::Counter> & GATE_OUTCOMES_TOTAL;

extern prometheus::Family<prometheus::Counter> & GATE_PASSAGES_TOTAL;

extern prometheus::Family<prometheus::Counter> & GATE_REFUSALS_TOTAL;

class Gate {
public:
  Gate() {}

  // Opens for a valid badge outside the curfew; returns whether it opened.
  bool badge(bool valid, bool curfew);
};

} // namespace gate
