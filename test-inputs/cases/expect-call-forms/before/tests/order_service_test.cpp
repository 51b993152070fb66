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
  MOCK_METHOD(void, RecordOrderCancelled, (), (override));
  MOCK_METHOD(void, SetPendingOrders, (int count), (override));
  MOCK_METHOD(void, RecordOrderItems, (int items), (override));
  MOCK_METHOD(void, RecordShippingDuration, (double seconds), (override));
};

TEST(OrderServiceMetricsTest, PlaceCountsOrdersByChannel) {
  ::testing::NiceMock<MockMetrics> metrics;
  OrderService orders(metrics);

  EXPECT_CALL(metrics, RecordOrderPlaced("web")).Times(2);
  orders.Place("web", 3);
  orders.Place("web", 1);
}

TEST(OrderServiceMetricsTest, PlaceObservesItemsAndSetsPending) {
  ::testing::NiceMock<MockMetrics> metrics;
  OrderService orders(metrics);

  EXPECT_CALL(metrics, RecordOrderItems(3)).Times(1);
  EXPECT_CALL(metrics, SetPendingOrders(1)).Times(1);
  orders.Place("web", 3);
}

TEST(OrderServiceMetricsTest, CancelCountsOnce) {
  ::testing::NiceMock<MockMetrics> metrics;
  OrderService orders(metrics);
  const int id = orders.Place("web", 1);

  EXPECT_CALL(metrics, RecordOrderCancelled());
  orders.Cancel(id);
  orders.Cancel(id);
}

TEST(OrderServiceMetricsTest, ShipObservesDuration) {
  ::testing::NiceMock<MockMetrics> metrics;
  OrderService orders(metrics);
  const int id = orders.Place("web", 1);

  EXPECT_CALL(metrics, RecordShippingDuration(::testing::_));
  orders.Ship(id);
}

}  // namespace
}  // namespace shop
