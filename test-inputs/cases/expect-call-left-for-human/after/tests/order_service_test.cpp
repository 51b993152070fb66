#include "services/order_service.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>

namespace shop {
namespace {

class MockMetrics : public MetricsServiceProtocol {
 public:
  MOCK_METHOD(void, RecordPaymentFailure, (), (override));
};

TEST(OrderServiceMetricsTest, PlaceCountsOrdersByChannel) {
  ::testing::StrictMock<MockMetrics> metrics;
  OrderService orders(metrics);

  const double orders_placed_total_before =
      ORDERS_PLACED_TOTAL.Add({{"channel", "web"}}).Value();
  orders.Place("web");
  orders.Place("web");
  EXPECT_DOUBLE_EQ(ORDERS_PLACED_TOTAL.Add({{"channel", "web"}}).Value() -
                       orders_placed_total_before,
                   2);
}

TEST(OrderServiceMetricsTest, PayCountsFailedCharges) {
  ::testing::StrictMock<MockMetrics> metrics;
  OrderService orders(metrics);

  EXPECT_CALL(metrics, RecordPaymentFailure()).Times(::testing::AtLeast(1));
  EXPECT_FALSE(orders.Pay([] { return false; }));
}

}  // namespace
}  // namespace shop
