//===--- GatewayTest.cpp - What the gateway reports -----------------------===//

#include "gw/Gateway.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace {

class MockStats : public gw::Stats {
public:
  MOCK_METHOD(void, countRequest, (const std::string &Result), (override));
  MOCK_METHOD(void, observePayload, (double Bytes), (override));
};

TEST(GatewayTest, RejectsAnOversizedPayload) {
  MockStats Stats;
  EXPECT_CALL(Stats, countRequest("rejected"));
  EXPECT_CALL(Stats, observePayload(8192.0));
  gw::Gateway G(Stats);
  EXPECT_EQ(G.handle(8192), gw::Stats::Outcome::Rejected);
}

} // namespace
