#include "work/scheduler.hh"
#include "telemetry/process_registry.hh"
#include <prometheus/counter.h>
#include <prometheus/family.h>
#include <prometheus/gauge.h>
#include <prometheus/histogram.h>

namespace work {

prometheus::Gauge& PIPELINE_BACKLOG_JOBS =
  prometheus::BuildGauge()
    .Name("pipeline_backlog_jobs")
    .Help("Jobs waiting")
    .Register(telemetry::process_registry())
    .Add({});

prometheus::Histogram& PIPELINE_JOB_SECONDS =
  prometheus::BuildHistogram()
    .Name("pipeline_job_seconds")
    .Help("Time a job took")
    .Register(telemetry::process_registry())
    .Add({}, prometheus::Histogram::BucketBoundaries{ 0.1, 1, 10 });

prometheus::Family<prometheus::Counter>& PIPELINE_JOBS_DONE_TOTAL =
  prometheus::BuildCounter()
    .Name("pipeline_jobs_done_total")
    .Help("Jobs finished, by queue")
    .Register(telemetry::process_registry());

prometheus::Gauge& PIPELINE_WORKERS_BUSY =
  prometheus::BuildGauge()
    .Name("pipeline_workers_busy")
    .Help("Workers running a job")
    .Register(telemetry::process_registry())
    .Add({});

scheduler::scheduler()
{
}

void
scheduler::enqueue(const std::string& queue)
{
  m_queued.push_back(queue);
  PIPELINE_BACKLOG_JOBS.Set(static_cast<double>(m_queued.size()));
}

void
scheduler::run_all()
{
  while (!m_queued.empty()) {
    PIPELINE_WORKERS_BUSY.Increment();
    PIPELINE_JOBS_DONE_TOTAL.Add({ { "queue", m_queued.front() } }).Increment();
    PIPELINE_JOB_SECONDS.Observe(0.5);
    PIPELINE_WORKERS_BUSY.Decrement();
    m_queued.pop_front();
    PIPELINE_BACKLOG_JOBS.Set(static_cast<double>(m_queued.size()));
  }
}

} // namespace work
