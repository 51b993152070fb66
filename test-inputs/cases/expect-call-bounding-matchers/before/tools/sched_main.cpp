#include <string>

#include <prometheus/text_serializer.h>

#include "sched/job_metrics.h"
#include "sched/scheduler.h"

int main()
{
  sched::PromJobMetrics metrics;
  sched::Scheduler scheduler(metrics);
  scheduler.run({0.5, 1.5});
  scheduler.drop(2);
  const std::string text = prometheus::TextSerializer().Serialize(metrics.registry()->Collect());
  for (const char *line : {"sched_job_seconds_count 2\n", "sched_job_seconds_sum 2\n",
                           "sched_queue_depth 2\n", "sched_jobs_dropped_total 2\n"})
  {
    if (text.find(line) == std::string::npos)
    {
      return 1;
    }
  }
  return 0;
}
