#include "services/order_service.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>

namespace {

TEST(OrderServiceMetricsTest, PlaceCountsOrdersByChannel) {
  shop::orders::OrderService orders;

  const double orders_placed_total_before =
      shop::orders::ORDERS_PLACED_TOTAL.Add({{"channel", "web"}}).Value();
  orders.Place("web", 3);
  orders.Place("web", 1);
  EXPECT_DOUBLE_EQ(
      shop::orders::ORDERS_PLACED_TOTAL.Add({{"channel", "web"}}).Value() -
          orders_placed_total_before,
      2);
}

TEST(OrderServiceMetricsTest, CancelCountsOnce) {
  shop::orders::OrderService orders;
  const int id = orders.Place("web", 1);

  const double orders_cancelled_total_before =
      shop::orders::ORDERS_CANCELLED_TOTAL.Value();
  orders.Cancel(id);
  orders.Cancel(id);
  EXPECT_DOUBLE_EQ(shop::orders::ORDERS_CANCELLED_TOTAL.Value() -
                       orders_cancelled_total_before,
                   1);
}

}  // namespace
