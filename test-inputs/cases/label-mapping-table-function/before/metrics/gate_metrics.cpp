#include "metrics/gate_metrics.h"

namespace gate {

namespace {

// Indexed by Outcome.
const char * const kOutcomeNames[] = {"opened", "refused", "timed_out"};

const char * reasonName(Reason r) {
  switch (r) {
  case Reason::BadBadge:
    return "bad_badge";
  case Reason::Curfew:
    return "curfew";
  }
  return "unknown";
}

} // namespace

GateMetrics::GateMetrics()
    : registry_(std::make_shared<prometheus::Registry>()),
      outcomes_(
          prometheus::BuildCounter().Name("gate_outcomes_total").Help("Gate outcomes").Register(*registry_)),
      refusals_(prometheus::BuildCounter()
                    .Name("gate_refusals_total")
                    .Help("Refusals by reason")
                    .Register(*registry_)),
      passages_(prometheus::BuildCounter()
                    .Name("gate_passages_total")
                    .Help("Passages by side")
                    .Register(*registry_)) {}

void GateMetrics::outcome(Outcome o) {
  outcomes_.Add({{"outcome", kOutcomeNames[static_cast<int>(o)]}}).Increment();
}

void GateMetrics::refusal(Reason r) { refusals_.Add({{"reason", reasonName(r)}}).Increment(); }

void GateMetrics::passage(Side s) {
  const char * side = "in";
  switch (s) {
  case Side::In:
    side = "in";
    break;
  case Side::Out:
    side = "out";
    break;
  }
  passages_.Add({{"side", side}}).Increment();
}

} // namespace gate
