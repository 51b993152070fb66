#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "sched/scheduler.h"

namespace
{

class MockJobMetrics : public sched::IJobMetrics
{
public:
  MOCK_METHOD(void, jobFinished, (double seconds), (override));
  MOCK_METHOD(void, queueDepth, (double depth), (override));
  MOCK_METHOD(void, jobsDropped, (int count), (override));
};

TEST(SchedulerTest, RunObservesEveryJob)
{
  testing::NiceMock<MockJobMetrics> metrics;
  sched::Scheduler scheduler(metrics);
  EXPECT_CALL(metrics, jobFinished(testing::Gt(0.0))).Times(2);
  EXPECT_CALL(metrics, queueDepth(testing::Le(2.0)));
  scheduler.run({0.5, 1.5});
}

TEST(SchedulerTest, RunObservesTheDurationGiven)
{
  testing::NiceMock<MockJobMetrics> metrics;
  sched::Scheduler scheduler(metrics);
  EXPECT_CALL(metrics, jobFinished(testing::DoubleEq(0.25)));
  scheduler.run({0.25});
}

TEST(SchedulerTest, DropCountsTheJobs)
{
  testing::NiceMock<MockJobMetrics> metrics;
  sched::Scheduler scheduler(metrics);
  EXPECT_CALL(metrics, jobsDropped(testing::AllOf(testing::Ge(1), testing::Lt(10))));
  scheduler.drop(3);
}

} // namespace
