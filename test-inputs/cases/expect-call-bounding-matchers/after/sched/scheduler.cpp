#include "sched/scheduler.h"
#include "sched/job_registry.h"
#include <prometheus/counter.h>
#include <prometheus/family.h>
#include <prometheus/gauge.h>
#include <prometheus/summary.h>

namespace sched
{

prometheus::Summary &SCHED_JOB_SECONDS =
    prometheus::BuildSummary()
        .Name("sched_job_seconds")
        .Help("Time each job ran")
        .Register(sched::jobRegistry())
        .Add({}, prometheus::Summary::Quantiles{{0.5, 0.05}});

prometheus::Counter &SCHED_JOBS_DROPPED_TOTAL =
    prometheus::BuildCounter()
        .Name("sched_jobs_dropped_total")
        .Help("Jobs dropped")
        .Register(sched::jobRegistry())
        .Add({});

prometheus::Gauge &SCHED_QUEUE_DEPTH = prometheus::BuildGauge()
                                           .Name("sched_queue_depth")
                                           .Help("Jobs waiting")
                                           .Register(sched::jobRegistry())
                                           .Add({});

Scheduler::Scheduler()
{
}

void Scheduler::run(const std::vector<double> &durations)
{
  for (double seconds : durations)
  {
    SCHED_JOB_SECONDS.Observe(seconds);
  }
  SCHED_QUEUE_DEPTH.Set(static_cast<double>(durations.size()));
}

void Scheduler::drop(int count)
{
  SCHED_JOBS_DROPPED_TOTAL.Increment(count);
}

} // namespace sched
