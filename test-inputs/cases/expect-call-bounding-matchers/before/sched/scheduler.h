#ifndef SCHED_SCHEDULER_H
#define SCHED_SCHEDULER_H

#include <vector>

#include "sched/job_metrics.h"

namespace sched
{

class Scheduler
{
public:
  explicit Scheduler(IJobMetrics &metrics);

  void run(const std::vector<double> &durations);
  void drop(int count);

private:
  IJobMetrics &metrics;
};

} // namespace sched

#endif
