#ifndef SCHED_SCHEDULER_H
#define SCHED_SCHEDULER_H

#include <prometheus/counter.h>
#include <prometheus/family.h>
#include <prometheus/gauge.h>
#include <prometheus/summary.h>
#include <vector>

namespace sched
{

extern prometheus::Summary &SCHED_JOB_SECONDS;

extern prometheus::Counter &SCHED_JOBS_DROPPED_TOTAL;

extern prometheus::Gauge &SCHED_QUEUE_DEPTH;

class Scheduler
{
public:
  Scheduler();

  void run(const std::vector<double> &durations);
  void drop(int count);
};

} // namespace sched

#endif
