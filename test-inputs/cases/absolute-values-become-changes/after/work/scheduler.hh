#pragma once

#include <deque>
#include <prometheus/counter.h>
#include <prometheus/family.h>
#include <prometheus/gauge.h>
#include <prometheus/histogram.h>
#include <string>

namespace work {

extern prometheus::Gauge& PIPELINE_BACKLOG_JOBS;

extern prometheus::Histogram& PIPELINE_JOB_SECONDS;

extern prometheus::Family<prometheus::Counter>& PIPELINE_JOBS_DONE_TOTAL;

extern prometheus::Gauge& PIPELINE_WORKERS_BUSY;

// Runs queued jobs one at a time.
class scheduler
{
public:
  scheduler();

  void enqueue(const std::string& queue);
  void run_all();

private:
  std::deque<std::string> m_queued;
};

} // namespace work
