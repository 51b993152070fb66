#include "obs/Stats.hpp"

namespace obs
{

Stats::Stats()
	: m_registry(std::make_shared<prometheus::Registry>())
{
	m_jobs = &prometheus::BuildCounter()
		.Name("worker_jobs_total")
		.Help("Jobs finished, by outcome")
		.Register(*m_registry);
	m_jobsDone = &m_jobs->Add({{"outcome", "done"}});
	m_jobsFailed = &m_jobs->Add({{"outcome", "failed"}});
	m_jobsRetried = &m_jobs->Add({{"outcome", "retried"}});
	m_queueDepth = &prometheus::BuildGauge()
		.Name("worker_queue_depth")
		.Help("Jobs waiting")
		.Register(*m_registry)
		.Add({});
}

void Stats::jobDone()
{
	m_jobsDone->Increment();
}

void Stats::jobFailed()
{
	m_jobsFailed->Increment();
}

void Stats::queueDepth(double depth)
{
	m_queueDepth->Set(depth);
}

} // namespace obs
