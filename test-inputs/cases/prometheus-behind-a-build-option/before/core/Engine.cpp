#include "core/Engine.h"

#include "config.h"

#ifdef HAVE_PROMETHEUS
#include "telemetry/Metrics.h"
#endif

Engine::Engine(Metrics* metrics)
	: mMetrics(metrics)
{
}

void Engine::start()
{
	++mStarts;
#ifdef HAVE_PROMETHEUS
	if (mMetrics)
		mMetrics->recordStart();
#else
	(void)mMetrics;
#endif
}
