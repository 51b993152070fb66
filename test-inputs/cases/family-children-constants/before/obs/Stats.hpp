#ifndef OBS_STATS_HPP
#define OBS_STATS_HPP

#include <prometheus/counter.h>
#include <prometheus/family.h>
#include <prometheus/gauge.h>
#include <prometheus/registry.h>

#include <memory>

#include "obs/IStats.hpp"

namespace obs
{

class Stats : public IStats
{
public:
	Stats();

	void jobDone() override;
	void jobFailed() override;
	void queueDepth(double depth) override;

	std::shared_ptr<prometheus::Registry> registry() const { return m_registry; }

private:
	std::shared_ptr<prometheus::Registry> m_registry;
	prometheus::Family<prometheus::Counter> *m_jobs;
	prometheus::Counter *m_jobsDone;
	prometheus::Counter *m_jobsFailed;
	prometheus::Counter *m_jobsRetried; // exposed at 0 until retries exist
	prometheus::Gauge *m_queueDepth;
};

} // namespace obs

#endif
