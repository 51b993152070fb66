#include "services/shipping_service.h"

#include <gtest/gtest.h>

#include "tests/stub_metrics.h"

namespace shop {
namespace {

TEST(ShippingServiceTest, ShipRemembersTheOrder) {
  StubMetrics metrics;
  ShippingService shipping(metrics);
  shipping.Ship(7);
  EXPECT_EQ(shipping.ShippedCount(), 1);
}

}  // namespace
}  // namespace shop
