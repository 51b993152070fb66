#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "sched/scheduler.h"

namespace
{

TEST(SchedulerTest, RunObservesEveryJob)
{
  sched::Scheduler scheduler;
  const auto sched_job_seconds_before = sched::SCHED_JOB_SECONDS.Collect().summary;
  scheduler.run({0.5, 1.5});
  EXPECT_EQ(sched::SCHED_JOB_SECONDS.Collect().summary.sample_count -
                sched_job_seconds_before.sample_count,
            2u);
  EXPECT_GT(sched::SCHED_JOB_SECONDS.Collect().summary.sample_sum -
                sched_job_seconds_before.sample_sum,
            0);
  EXPECT_LE(sched::SCHED_QUEUE_DEPTH.Value(), 2);
}

TEST(SchedulerTest, RunObservesTheDurationGiven)
{
  sched::Scheduler scheduler;
  const auto sched_job_seconds_before = sched::SCHED_JOB_SECONDS.Collect().summary;
  scheduler.run({0.25});
  EXPECT_EQ(sched::SCHED_JOB_SECONDS.Collect().summary.sample_count -
                sched_job_seconds_before.sample_count,
            1u);
  EXPECT_DOUBLE_EQ(sched::SCHED_JOB_SECONDS.Collect().summary.sample_sum -
                       sched_job_seconds_before.sample_sum,
                   0.25);
}

TEST(SchedulerTest, DropCountsTheJobs)
{
  sched::Scheduler scheduler;
  const double sched_jobs_dropped_total_before = sched::SCHED_JOBS_DROPPED_TOTAL.Value();
  scheduler.drop(3);
  EXPECT_GE(sched::SCHED_JOBS_DROPPED_TOTAL.Value() - sched_jobs_dropped_total_before, 1);
  EXPECT_LT(sched::SCHED_JOBS_DROPPED_TOTAL.Value() - sched_jobs_dropped_total_before,
            10);
}

} // namespace
