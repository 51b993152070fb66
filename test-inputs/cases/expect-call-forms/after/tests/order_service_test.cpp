#include "services/order_service.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>

namespace shop {
namespace {

TEST(OrderServiceMetricsTest, PlaceCountsOrdersByChannel) {
  OrderService orders;

  const double orders_placed_total_before =
      ORDERS_PLACED_TOTAL.Add({{"channel", "web"}}).Value();
  orders.Place("web", 3);
  orders.Place("web", 1);
  EXPECT_DOUBLE_EQ(ORDERS_PLACED_TOTAL.Add({{"channel", "web"}}).Value() -
                       orders_placed_total_before,
                   2);
}

TEST(OrderServiceMetricsTest, PlaceObservesItemsAndSetsPending) {
  OrderService orders;

  const auto order_items_before = ORDER_ITEMS.Collect().histogram;
  orders.Place("web", 3);
  EXPECT_EQ(ORDER_ITEMS.Collect().histogram.sample_count -
                order_items_before.sample_count,
            1u);
  EXPECT_DOUBLE_EQ(ORDER_ITEMS.Collect().histogram.sample_sum -
                       order_items_before.sample_sum,
                   3);
  EXPECT_DOUBLE_EQ(PENDING_ORDERS.Value(), 1);
}

TEST(OrderServiceMetricsTest, CancelCountsOnce) {
  OrderService orders;
  const int id = orders.Place("web", 1);

  const double orders_cancelled_total_before = ORDERS_CANCELLED_TOTAL.Value();
  orders.Cancel(id);
  orders.Cancel(id);
  EXPECT_DOUBLE_EQ(
      ORDERS_CANCELLED_TOTAL.Value() - orders_cancelled_total_before, 1);
}

TEST(OrderServiceMetricsTest, ShipObservesDuration) {
  OrderService orders;
  const int id = orders.Place("web", 1);

  const auto shipping_duration_seconds_before =
      SHIPPING_DURATION_SECONDS.Collect().histogram;
  orders.Ship(id);
  EXPECT_EQ(SHIPPING_DURATION_SECONDS.Collect().histogram.sample_count -
                shipping_duration_seconds_before.sample_count,
            1u);
}

}  // namespace
}  // namespace shop
