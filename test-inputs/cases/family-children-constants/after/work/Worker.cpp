#include "work/Worker.hpp"
#include "obs/Registry.hpp"
#include <prometheus/counter.h>
#include <prometheus/family.h>
#include <prometheus/gauge.h>

namespace work
{

prometheus::Family<prometheus::Counter> &WORKER_JOBS_TOTAL =
	prometheus::BuildCounter()
		.Name("worker_jobs_total")
		.Help("Jobs finished, by outcome")
		.Register(obs::metrics::DefaultRegistry());
prometheus::Counter &JOBS_DONE = WORKER_JOBS_TOTAL.Add({{"outcome", "done"}});
prometheus::Counter &JOBS_FAILED =
	WORKER_JOBS_TOTAL.Add({{"outcome", "failed"}});
prometheus::Counter &JOBS_RETRIED =
	WORKER_JOBS_TOTAL.Add({{"outcome", "retried"}});

prometheus::Gauge &WORKER_QUEUE_DEPTH =
	prometheus::BuildGauge()
		.Name("worker_queue_depth")
		.Help("Jobs waiting")
		.Register(obs::metrics::DefaultRegistry())
		.Add({});

Worker::Worker()
{
}

int Worker::run(const std::vector<int> &jobs)
{
	int done = 0;
	WORKER_QUEUE_DEPTH.Set(static_cast<double>(jobs.size()));
	for (int job : jobs)
	{
		if (job < 0)
		{
			JOBS_FAILED.Increment();
			continue;
		}
		JOBS_DONE.Increment();
		++done;
	}
	WORKER_QUEUE_DEPTH.Set(0);
	return done;
}

} // namespace work
