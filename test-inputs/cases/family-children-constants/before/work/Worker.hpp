#ifndef WORK_WORKER_HPP
#define WORK_WORKER_HPP

#include <vector>

#include "obs/IStats.hpp"

namespace work
{

class Worker
{
public:
	explicit Worker(obs::IStats &stats);

	// Runs every job; a negative one fails.
	int run(const std::vector<int> &jobs);

private:
	obs::IStats &m_stats;
};

} // namespace work

#endif
