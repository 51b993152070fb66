#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "door/gate.h"

namespace gate {
namespace {

class MockGateMetrics : public GateMetricsInterface {
public:
  MOCK_METHOD(void, outcome, (Outcome), (override));
  MOCK_METHOD(void, refusal, (Reason), (override));
  MOCK_METHOD(void, passage, (Side), (override));
};

TEST(Gate, OpensForAValidBadge) {
  testing::NiceMock<MockGateMetrics> metrics;
  Gate gate(metrics);
  EXPECT_CALL(metrics, outcome(Outcome::Opened)).Times(1);
  EXPECT_CALL(metrics, passage(Side::In)).Times(1);
  EXPECT_TRUE(gate.badge(true, false));
}

TEST(Gate, RefusesDuringTheCurfew) {
  testing::NiceMock<MockGateMetrics> metrics;
  Gate gate(metrics);
  EXPECT_CALL(metrics, refusal(Reason::Curfew)).Times(1);
  EXPECT_CALL(metrics, outcome(Outcome::Refused)).Times(1);
  EXPECT_FALSE(gate.badge(true, true));
}

} // namespace
} // namespace gate
