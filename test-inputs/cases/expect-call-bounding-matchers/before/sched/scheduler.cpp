#include "sched/scheduler.h"

namespace sched
{

Scheduler::Scheduler(IJobMetrics &metrics)
  : metrics(metrics)
{
}

void Scheduler::run(const std::vector<double> &durations)
{
  for (double seconds : durations)
  {
    this->metrics.jobFinished(seconds);
  }
  this->metrics.queueDepth(static_cast<double>(durations.size()));
}

void Scheduler::drop(int count)
{
  this->metrics.jobsDropped(count);
}

} // namespace sched
