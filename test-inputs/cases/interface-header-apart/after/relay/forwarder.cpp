#include "relay/forwarder.h"
#include "telemetry/registry.h"
#include <prometheus/counter.h>
#include <prometheus/family.h>

namespace relay {

prometheus::Counter& RELAY_DROPS_TOTAL =
    prometheus::BuildCounter()
        .Name("relay_drops_total")
        .Help("Frames dropped")
        .Register(relay::default_registry())
        .Add({});

prometheus::Counter& RELAY_FRAMES_TOTAL =
    prometheus::BuildCounter()
        .Name("relay_frames_total")
        .Help("Frames forwarded")
        .Register(relay::default_registry())
        .Add({});

forwarder::forwarder(std::size_t capacity) : m_capacity(capacity) {}

bool forwarder::push(std::size_t frames) {
    if (m_queued + frames > m_capacity) {
        RELAY_DROPS_TOTAL.Increment(static_cast<double>(frames));
        return false;
    }
    m_queued += frames;
    RELAY_FRAMES_TOTAL.Increment(static_cast<double>(frames));
    return true;
}

}  // namespace relay
