#include "link/Sender.h"
#include "telemetry/Registry.h"
#include <prometheus/counter.h>
#include <prometheus/family.h>

namespace relay {

prometheus::Counter& RELAY_FRAMES_DROPPED_TOTAL =
    prometheus::BuildCounter()
        .Name("relay_frames_dropped_total")
        .Help("Frames dropped while the link was congested")
        .Register(relay::telemetry::processRegistry())
        .Add({});

prometheus::Counter& RELAY_RETRIES_TOTAL =
    prometheus::BuildCounter()
        .Name("relay_retries_total")
        .Help("Sends retried with a long queue")
        .Register(relay::telemetry::processRegistry())
        .Add({});

Sender::Sender()
{
}

void Sender::send(int frames, bool congested)
{
    if (!congested)
        mQueued += frames;
    if (congested && frames > 0) {
        RELAY_FRAMES_DROPPED_TOTAL.Increment(frames);
    }
    if (mQueued > 10)
        RELAY_RETRIES_TOTAL.Increment();
}

} // namespace relay
