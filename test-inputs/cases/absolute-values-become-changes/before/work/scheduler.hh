#pragma once

#include "telemetry/pipeline_metrics.hh"

#include <deque>
#include <string>

namespace work {

// Runs queued jobs one at a time.
class scheduler
{
public:
  explicit scheduler(telemetry::pipeline_metrics& metrics);

  void enqueue(const std::string& queue);
  void run_all();

private:
  telemetry::pipeline_metrics& m_metrics;
  std::deque<std::string> m_queued;
};

} // namespace work
