#include "telemetry/Metrics.h"

Metrics::Metrics()
	: mRegistry(std::make_shared<prometheus::Registry>())
	, mStarts(&prometheus::BuildCounter().Name("engine_starts_total").Help("Engine starts").Register(*mRegistry).Add({}))
{
}

void Metrics::recordStart()
{
	mStarts->Increment();
}
