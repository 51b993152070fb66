#pragma once

#include <cstddef>

#include "telemetry/metrics_sink.h"

namespace relay {

// Forwards frames to a peer; counts what went and what did not.
class forwarder {
public:
    forwarder(metrics_sink& sink, std::size_t capacity);

    bool push(std::size_t frames);

private:
    metrics_sink& m_sink;
    std::size_t m_capacity;
    std::size_t m_queued = 0;
};

}  // namespace relay
