#ifndef WORK_WORKER_HPP
#define WORK_WORKER_HPP

#include <prometheus/counter.h>
#include <prometheus/family.h>
#include <prometheus/gauge.h>
#include <vector>

namespace work
{

extern prometheus::Family<prometheus::Counter> &WORKER_JOBS_TOTAL;
extern prometheus::Counter &JOBS_DONE;
extern prometheus::Counter &JOBS_FAILED;
extern prometheus::Counter &JOBS_RETRIED;

extern prometheus::Gauge &WORKER_QUEUE_DEPTH;

class Worker
{
public:
	Worker();

	// Runs every job; a negative one fails.
	int run(const std::vector<int> &jobs);
};

} // namespace work

#endif
