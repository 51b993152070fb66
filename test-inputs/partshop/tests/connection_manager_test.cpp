#include "services/connection_manager.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "tests/mock_metrics_service.h"
#include "tests/testing_utils.h"

namespace partshop {
namespace {

using testing_utils::MockMetricsService;
using testing_utils::StubMetricsService;

TEST(ConnectionManagerTest, TracksConnectionsUpToLimit) {
  StubMetricsService stub;
  ConnectionManager manager(2, stub);
  EXPECT_TRUE(manager.Connect("c1", "inventory"));
  EXPECT_TRUE(manager.Connect("c2", "kits"));
  EXPECT_FALSE(manager.Connect("c3", "kits"));
  EXPECT_EQ(manager.ActiveConnections(), 2);

  manager.Disconnect("c1");
  manager.Disconnect("unknown");
  EXPECT_EQ(manager.ActiveConnections(), 1);
}

TEST(ConnectionManagerTest, BroadcastDeliversToSubscribersOnly) {
  StubMetricsService stub;
  ConnectionManager manager(10, stub);
  manager.Connect("c1", "inventory");
  manager.Connect("c2", "kits");

  EXPECT_EQ(manager.Broadcast("inventory", "part_updated"), 1);
  EXPECT_EQ(manager.DeliveredTo("c1").size(), 1u);
  EXPECT_TRUE(manager.DeliveredTo("c2").empty());
}

TEST(ConnectionManagerTest, BroadcastSkipsStaleConnections) {
  StubMetricsService stub;
  ConnectionManager manager(10, stub);
  manager.Connect("c1", "inventory");
  manager.Connect("c2", "inventory");
  manager.MarkStale("c2");

  EXPECT_EQ(manager.Broadcast("inventory", "part_updated"), 1);
  EXPECT_EQ(manager.ActiveConnections(), 1);
}

TEST(ConnectionManagerTest, BroadcastRecordsOneEventPerConnection) {
  ::testing::NiceMock<MockMetricsService> metrics;
  ConnectionManager manager(10, metrics);
  manager.Connect("c1", "inventory");
  manager.Connect("c2", "inventory");

  EXPECT_CALL(metrics, RecordSseEventSent("inventory", "success")).Times(2);
  manager.Broadcast("inventory", "part_updated");
}

}  // namespace
}  // namespace partshop
