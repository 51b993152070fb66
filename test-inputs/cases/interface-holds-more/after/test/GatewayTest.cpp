//===--- GatewayTest.cpp - What the gateway reports -----------------------===//

#include "gw/Gateway.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace {

TEST(GatewayTest, RejectsAnOversizedPayload) {
  const double gw_requests_total_before =
      gw::GW_REQUESTS_TOTAL.Add({{"result", "rejected"}}).Value();
  const auto gw_payload_bytes_before = gw::GW_PAYLOAD_BYTES.Collect().histogram;
  gw::Gateway G;
  EXPECT_EQ(G.handle(8192), gw::Stats::Outcome::Rejected);
  EXPECT_DOUBLE_EQ(gw::GW_REQUESTS_TOTAL.Add({{"result", "rejected"}}).Value() -
                       gw_requests_total_before,
                   1);
  EXPECT_EQ(gw::GW_PAYLOAD_BYTES.Collect().histogram.sample_count -
                gw_payload_bytes_before.sample_count,
            1u);
  EXPECT_DOUBLE_EQ(gw::GW_PAYLOAD_BYTES.Collect().histogram.sample_sum -
                       gw_payload_bytes_before.sample_sum,
                   8192);
}

} // namespace
