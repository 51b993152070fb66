#include "config.h"
#include "core/Engine.h"

#ifdef HAVE_PROMETHEUS
#include "telemetry/Metrics.h"
#endif

int main()
{
#ifdef HAVE_PROMETHEUS
	Metrics metrics;
	Engine engine(&metrics);
#else
	Engine engine(nullptr);
#endif
	engine.start();
	return engine.starts() == 1 ? 0 : 1;
}
