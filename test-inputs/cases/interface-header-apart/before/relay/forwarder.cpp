#include "relay/forwarder.h"

namespace relay {

forwarder::forwarder(metrics_sink& sink, std::size_t capacity)
    : m_sink(sink), m_capacity(capacity) {}

bool forwarder::push(std::size_t frames) {
    if (m_queued + frames > m_capacity) {
        m_sink.count_drops(frames);
        return false;
    }
    m_queued += frames;
    m_sink.count_frames(frames);
    return true;
}

}  // namespace relay
