#include "services/order_service.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>

namespace shop {
namespace {

class MockMetrics : public MetricsServiceProtocol {
 public:
  MOCK_METHOD(void, RecordOrderPlaced, (const std::string& channel),
              (override));
  MOCK_METHOD(void, RecordPaymentFailure, (), (override));
};

TEST(OrderServiceMetricsTest, PlaceCountsOrdersByChannel) {
  ::testing::StrictMock<MockMetrics> metrics;
  OrderService orders(metrics);

  EXPECT_CALL(metrics, RecordOrderPlaced("web")).Times(2);
  orders.Place("web");
  orders.Place("web");
}

TEST(OrderServiceMetricsTest, PayCountsFailedCharges) {
  ::testing::StrictMock<MockMetrics> metrics;
  OrderService orders(metrics);

  EXPECT_CALL(metrics, RecordPaymentFailure()).Times(::testing::AtLeast(1));
  EXPECT_FALSE(orders.Pay([] { return false; }));
}

}  // namespace
}  // namespace shop
