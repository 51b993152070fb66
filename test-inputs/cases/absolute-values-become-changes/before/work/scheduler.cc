#include "work/scheduler.hh"

namespace work {

scheduler::scheduler(telemetry::pipeline_metrics& metrics)
  : m_metrics(metrics)
{
}

void
scheduler::enqueue(const std::string& queue)
{
  m_queued.push_back(queue);
  m_metrics.set_backlog(static_cast<double>(m_queued.size()));
}

void
scheduler::run_all()
{
  while (!m_queued.empty()) {
    m_metrics.worker_started();
    m_metrics.job_done(m_queued.front());
    m_metrics.job_took(0.5);
    m_metrics.worker_stopped();
    m_queued.pop_front();
    m_metrics.set_backlog(static_cast<double>(m_queued.size()));
  }
}

} // namespace work
