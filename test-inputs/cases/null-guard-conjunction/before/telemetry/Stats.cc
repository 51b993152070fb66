#include "telemetry/Stats.h"

namespace relay {

Stats::Stats()
    : mRegistry(std::make_shared<prometheus::Registry>())
{
    mDropped = &prometheus::BuildCounter()
                    .Name("relay_frames_dropped_total")
                    .Help("Frames dropped while the link was congested")
                    .Register(*mRegistry)
                    .Add({});
    mRetries = &prometheus::BuildCounter()
                    .Name("relay_retries_total")
                    .Help("Sends retried with a long queue")
                    .Register(*mRegistry)
                    .Add({});
}

void Stats::framesDropped(double frames)
{
    mDropped->Increment(frames);
}

void Stats::retried()
{
    mRetries->Increment();
}

} // namespace relay
