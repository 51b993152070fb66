#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "door/gate.h"
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

TEST(Gate, OpensForAValidBadge) {
  Gate gate;
  const double gate_outcomes_total_before =
      GATE_OUTCOMES_TOTAL.Add({{"outcome", kOutcomeNames[static_cast<int>(Outcome::Opened)]}}).Value();
  const double gate_passages_total_before = GATE_PASSAGES_TOTAL.Add({{"side", "in"}}).Value();
  EXPECT_TRUE(gate.badge(true, false));
  EXPECT_DOUBLE_EQ(
      GATE_OUTCOMES_TOTAL.Add({{"outcome", kOutcomeNames[static_cast<int>(Outcome::Opened)]}}).Value() -
          gate_outcomes_total_before,
      1);
  EXPECT_DOUBLE_EQ(GATE_PASSAGES_TOTAL.Add({{"side", "in"}}).Value() - gate_passages_total_before, 1);
}

TEST(Gate, RefusesDuringTheCurfew) {
  Gate gate;
  const double gate_refusals_total_before =
      GATE_REFUSALS_TOTAL.Add({{"reason", reasonName(Reason::Curfew)}}).Value();
  const double gate_outcomes_total_before =
      GATE_OUTCOMES_TOTAL.Add({{"outcome", kOutcomeNames[static_cast<int>(Outcome::Refused)]}}).Value();
  EXPECT_FALSE(gate.badge(true, true));
  EXPECT_DOUBLE_EQ(GATE_REFUSALS_TOTAL.Add({{"reason", reasonName(Reason::Curfew)}}).Value() -
                       gate_refusals_total_before,
                   1);
  EXPECT_DOUBLE_EQ(
      GATE_OUTCOMES_TOTAL.Add({{"outcome", kOutcomeNames[static_cast<int>(Outcome::Refused)]}}).Value() -
          gate_outcomes_total_before,
      1);
}

} // namespace
} // namespace gate
