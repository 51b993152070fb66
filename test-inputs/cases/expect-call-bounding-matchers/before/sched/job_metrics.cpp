#include "sched/job_metrics.h"

namespace sched
{

PromJobMetrics::PromJobMetrics()
  : reg(std::make_shared<prometheus::Registry>()),
    jobSeconds(prometheus::BuildSummary()
                 .Name("sched_job_seconds")
                 .Help("Time each job ran")
                 .Register(*this->reg)
                 .Add({}, prometheus::Summary::Quantiles{{0.5, 0.05}})),
    depth(prometheus::BuildGauge()
            .Name("sched_queue_depth")
            .Help("Jobs waiting")
            .Register(*this->reg)
            .Add({})),
    dropped(prometheus::BuildCounter()
              .Name("sched_jobs_dropped_total")
              .Help("Jobs dropped")
              .Register(*this->reg)
              .Add({}))
{
}

void PromJobMetrics::jobFinished(double seconds)
{
  this->jobSeconds.Observe(seconds);
}

void PromJobMetrics::queueDepth(double depth)
{
  this->depth.Set(depth);
}

void PromJobMetrics::jobsDropped(int count)
{
  this->dropped.Increment(count);
}

} // namespace sched
