#pragma once

#include <prometheus/counter.h>
#include <prometheus/family.h>
#include <prometheus/gauge.h>
#include <prometheus/histogram.h>
#include <prometheus/registry.h>

#include <memory>
#include <string>

namespace telemetry {

// Every metric of the pipeline, on the registry it is given.
class pipeline_metrics
{
public:
  explicit pipeline_metrics(std::shared_ptr<prometheus::Registry> registry);

  void job_done(const std::string& queue);
  void job_took(double seconds);
  void worker_started();
  void worker_stopped();
  void set_backlog(double jobs);

  double busy_workers() const;

private:
  std::shared_ptr<prometheus::Registry> m_registry;
  prometheus::Family<prometheus::Counter>& m_jobs_done;
  prometheus::Histogram& m_job_seconds;
  prometheus::Gauge& m_workers_busy;
  prometheus::Gauge& m_backlog;
};

} // namespace telemetry
