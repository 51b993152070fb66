#include "services/task_service.h"

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

TEST(TaskServiceTest, RunPendingRunsTasksInOrder) {
  StubMetricsService stub;
  TaskService tasks("worker-1", stub);
  std::vector<std::string> order;
  tasks.Submit("a", [&order] { order.push_back("a"); });
  tasks.Submit("b", [&order] { order.push_back("b"); });
  EXPECT_EQ(tasks.pending(), 2u);

  EXPECT_EQ(tasks.RunPending(), 2);
  EXPECT_EQ(order, (std::vector<std::string>{"a", "b"}));
  EXPECT_EQ(tasks.pending(), 0u);
}

TEST(TaskServiceTest, SubmitRejectsWhenQueueIsFull) {
  StubMetricsService stub;
  TaskService tasks("worker-1", stub);
  for (std::size_t i = 0; i < TaskService::TASK_QUEUE_DEPTH; ++i) {
    ASSERT_TRUE(tasks.Submit("noop", [] {}));
  }
  EXPECT_TRUE(tasks.IsFull());
  EXPECT_FALSE(tasks.Submit("noop", [] {}));
}

TEST(TaskServiceTest, FailedTasksAreCountedAndShutdownStopsIntake) {
  StubMetricsService stub;
  TaskService tasks("worker-1", stub);
  tasks.Submit("bad", [] { throw std::runtime_error("boom"); });
  tasks.Submit("good", [] {});
  EXPECT_EQ(tasks.RunPending(), 1);
  EXPECT_EQ(tasks.failed_count(), 1);

  tasks.PrepareShutdown();
  EXPECT_FALSE(tasks.Submit("late", [] {}));
}

TEST(TaskServiceTest, RunPendingRecordsExecutionAndDuration) {
  ::testing::NiceMock<MockMetricsService> metrics;
  TaskService tasks("worker-1", metrics);
  tasks.Submit("import", [] {});

  EXPECT_CALL(metrics, RecordTaskExecution("import", "success")).Times(1);
  EXPECT_CALL(metrics, RecordTaskDuration("import", ::testing::_)).Times(1);
  tasks.RunPending();
}

}  // namespace
}  // namespace partshop
