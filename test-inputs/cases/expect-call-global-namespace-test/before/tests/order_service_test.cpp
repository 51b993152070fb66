#include "services/order_service.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>

namespace {

class MockMetrics : public shop::MetricsServiceProtocol {
 public:
  MOCK_METHOD(void, RecordOrderPlaced, (const std::string& channel),
              (override));
  MOCK_METHOD(void, RecordOrderCancelled, (), (override));
  MOCK_METHOD(void, SetPendingOrders, (int count), (override));
  MOCK_METHOD(void, RecordOrderItems, (int items), (override));
  MOCK_METHOD(void, RecordShippingDuration, (double seconds), (override));
};

TEST(OrderServiceMetricsTest, PlaceCountsOrdersByChannel) {
  ::testing::NiceMock<MockMetrics> metrics;
  shop::orders::OrderService orders(metrics);

  EXPECT_CALL(metrics, RecordOrderPlaced("web")).Times(2);
  orders.Place("web", 3);
  orders.Place("web", 1);
}

TEST(OrderServiceMetricsTest, CancelCountsOnce) {
  ::testing::NiceMock<MockMetrics> metrics;
  shop::orders::OrderService orders(metrics);
  const int id = orders.Place("web", 1);

  EXPECT_CALL(metrics, RecordOrderCancelled());
  orders.Cancel(id);
  orders.Cancel(id);
}

}  // namespace
