#include "utils/shutdown_coordinator.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <stdexcept>
#include <string>
#include <vector>

#include "tests/mock_metrics_service.h"
#include "tests/testing_utils.h"

namespace partshop {
namespace {

using testing_utils::MockMetricsService;
using testing_utils::StubMetricsService;

TEST(ShutdownCoordinatorTest, RunsCallbacksOnceInOrder) {
  StubMetricsService stub;
  ShutdownCoordinator coordinator(stub);
  std::vector<std::string> calls;
  coordinator.RegisterShutdownCallback("a", [&calls] { calls.push_back("a"); });
  coordinator.RegisterShutdownCallback("b", [&calls] { calls.push_back("b"); });

  coordinator.Shutdown();
  coordinator.Shutdown();
  EXPECT_TRUE(coordinator.shutting_down());
  EXPECT_EQ(calls, (std::vector<std::string>{"a", "b"}));
}

TEST(ShutdownCoordinatorTest, FailingCallbackDoesNotStopOthers) {
  StubMetricsService stub;
  ShutdownCoordinator coordinator(stub);
  bool second_ran = false;
  coordinator.RegisterShutdownCallback(
      "broken", [] { throw std::runtime_error("boom"); });
  coordinator.RegisterShutdownCallback("ok",
                                       [&second_ran] { second_ran = true; });

  EXPECT_EQ(coordinator.Shutdown(), (std::vector<std::string>{"broken"}));
  EXPECT_TRUE(second_ran);
}

TEST(ShutdownCoordinatorTest, RecordsShuttingDownAndDuration) {
  ::testing::StrictMock<MockMetricsService> metrics;
  ShutdownCoordinator coordinator(metrics);

  EXPECT_CALL(metrics, SetShuttingDown(true)).Times(1);
  EXPECT_CALL(metrics, RecordShutdownDuration(::testing::_)).Times(1);
  coordinator.Shutdown();
}

}  // namespace
}  // namespace partshop
