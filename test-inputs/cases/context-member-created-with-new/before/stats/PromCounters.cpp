#include "stats/PromCounters.hpp"

namespace jobs
{
namespace stats
{
PromCounters::PromCounters()
    : m_registry(std::make_shared<prometheus::Registry>())
{
    m_started = &prometheus::BuildCounter()
                     .Name("jobs_started_total")
                     .Help("Jobs started")
                     .Register(*m_registry)
                     .Add({});
    m_duration = &prometheus::BuildHistogram()
                      .Name("jobs_duration_seconds")
                      .Help("How long a job ran")
                      .Register(*m_registry)
                      .Add({}, prometheus::Histogram::BucketBoundaries{0.01, 0.1, 1.0});
}

void PromCounters::job_started()
{
    m_started->Increment();
}

void PromCounters::job_finished(double seconds)
{
    m_duration->Observe(seconds);
}
}  // namespace stats
}  // namespace jobs
