#ifndef TELEMETRY_METRICS_H
#define TELEMETRY_METRICS_H

#include <prometheus/counter.h>
#include <prometheus/family.h>
#include <prometheus/registry.h>

#include <memory>

class Metrics {
public:
	Metrics();

	void recordStart();

	std::shared_ptr<prometheus::Registry> registry() const { return mRegistry; }

private:
	std::shared_ptr<prometheus::Registry> mRegistry;
	prometheus::Counter* mStarts;
};

#endif
