#include "services/shipping_service.h"

#include <gtest/gtest.h>

namespace shop {
namespace {

TEST(ShippingServiceTest, ShipRemembersTheOrder) {
  ShippingService shipping;
  shipping.Ship(7);
  EXPECT_EQ(shipping.ShippedCount(), 1);
}

}  // namespace
}  // namespace shop
