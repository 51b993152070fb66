#include <prometheus/text_serializer.h>

#include <string>

#include "obs/Stats.hpp"
#include "work/Worker.hpp"

int main()
{
	obs::Stats stats;
	work::Worker worker;
	if (worker.run({1, -2, 3}) != 2)
		return 1;
	// Every series the service created up front is exposed, the one never
	// recorded too.
	const std::string text = prometheus::TextSerializer().Serialize(stats.registry()->Collect());
	for (const char *line : {"worker_jobs_total{outcome=\"done\"} 2",
	                         "worker_jobs_total{outcome=\"failed\"} 1",
	                         "worker_jobs_total{outcome=\"retried\"} 0",
	                         "worker_queue_depth 0"})
		if (text.find(line) == std::string::npos)
			return 2;
	return 0;
}
