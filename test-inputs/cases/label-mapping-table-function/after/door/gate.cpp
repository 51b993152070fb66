#include "door/gate.h"
#include "metrics/gate_metrics.h"
#include "metrics/registry.h"
#include <prometheus/counter.h>
#include <prometheus/family.h>

namespace gate {

namespace {

const char * reasonName(Reason r) {
  switch (r) {
  case Reason::BadBadge:
    return "bad_badge";
  case Reason::Curfew:
    return "curfew";
  }
  return "unknown";
}

// Indexed by Outcome.
const char * const kOutcomeNames[] = {"opened", "refused", "timed_out"};

} // namespace

prometheus::Family<prometheus::Counter> & GATE_OUTCOMES_TOTAL =
    prometheus::BuildCounter()
        .Name("gate_outcomes_total")
        .Help("Gate outcomes")
        .Register(gate::metrics::DefaultRegistry());

prometheus::Family<prometheus::Counter> & GATE_PASSAGES_TOTAL =
    prometheus::BuildCounter()
        .Name("gate_passages_total")
        .Help("Passages by side")
        .Register(gate::metrics::DefaultRegistry());

prometheus::Family<prometheus::Counter> & GATE_REFUSALS_TOTAL =
    prometheus::BuildCounter()
        .Name("gate_refusals_total")
        .Help("Refusals by reason")
        .Register(gate::metrics::DefaultRegistry());

namespace {

void passage(Side s) {
  const char * side = "in";
  switch (s) {
  case Side::In:
    side = "in";
    break;
  case Side::Out:
    side = "out";
    break;
  }
  GATE_PASSAGES_TOTAL.Add({{"side", side}}).Increment();
}

} // namespace

bool Gate::badge(bool valid, bool curfew) {
  if (!valid || curfew) {
    GATE_REFUSALS_TOTAL.Add({{"reason", reasonName(valid ? Reason::Curfew : Reason::BadBadge)}}).Increment();
    GATE_OUTCOMES_TOTAL.Add({{"outcome", kOutcomeNames[static_cast<int>(Outcome::Refused)]}}).Increment();
    return false;
  }
  GATE_OUTCOMES_TOTAL.Add({{"outcome", kOutcomeNames[static_cast<int>(Outcome::Opened)]}}).Increment();
  passage(Side::In);
  return true;
}

} // namespace gate
