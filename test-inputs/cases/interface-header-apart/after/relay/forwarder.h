#pragma once

#include <cstddef>
#include <prometheus/counter.h>
#include <prometheus/family.h>

namespace relay {

extern prometheus::Counter& RELAY_DROPS_TOTAL;

extern prometheus::Counter& RELAY_FRAMES_TOTAL;

// Forwards frames to a peer; counts what went and what did not.
class forwarder {
public:
    forwarder(std::size_t capacity);

    bool push(std::size_t frames);

private:
    std::size_t m_capacity;
    std::size_t m_queued = 0;
};

}  // namespace relay
