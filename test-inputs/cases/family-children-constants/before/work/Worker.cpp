#include "work/Worker.hpp"

namespace work
{

Worker::Worker(obs::IStats &stats)
	: m_stats(stats)
{
}

int Worker::run(const std::vector<int> &jobs)
{
	int done = 0;
	m_stats.queueDepth(static_cast<double>(jobs.size()));
	for (int job : jobs)
	{
		if (job < 0)
		{
			m_stats.jobFailed();
			continue;
		}
		m_stats.jobDone();
		++done;
	}
	m_stats.queueDepth(0);
	return done;
}

} // namespace work
