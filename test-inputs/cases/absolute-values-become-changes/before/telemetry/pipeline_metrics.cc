#include "telemetry/pipeline_metrics.hh"

#include <utility>

namespace telemetry {

pipeline_metrics::pipeline_metrics(std::shared_ptr<prometheus::Registry> registry)
  : m_registry(std::move(registry))
  , m_jobs_done(prometheus::BuildCounter()
                  .Name("pipeline_jobs_done_total")
                  .Help("Jobs finished, by queue")
                  .Register(*m_registry))
  , m_job_seconds(prometheus::BuildHistogram()
                    .Name("pipeline_job_seconds")
                    .Help("Time a job took")
                    .Register(*m_registry)
                    .Add({}, prometheus::Histogram::BucketBoundaries{ 0.1, 1, 10 }))
  , m_workers_busy(prometheus::BuildGauge()
                     .Name("pipeline_workers_busy")
                     .Help("Workers running a job")
                     .Register(*m_registry)
                     .Add({}))
  , m_backlog(prometheus::BuildGauge()
                .Name("pipeline_backlog_jobs")
                .Help("Jobs waiting")
                .Register(*m_registry)
                .Add({}))
{
}

void
pipeline_metrics::job_done(const std::string& queue)
{
  m_jobs_done.Add({ { "queue", queue } }).Increment();
}

void
pipeline_metrics::job_took(double seconds)
{
  m_job_seconds.Observe(seconds);
}

void
pipeline_metrics::worker_started()
{
  m_workers_busy.Increment();
}

void
pipeline_metrics::worker_stopped()
{
  m_workers_busy.Decrement();
}

void
pipeline_metrics::set_backlog(double jobs)
{
  m_backlog.Set(jobs);
}

double
pipeline_metrics::busy_workers() const
{
  return m_workers_busy.Value();
}

} // namespace telemetry
