#include "Source/Relay/Forwarder.h"

namespace Relay {

bool Forwarder::forward(const std::string& peer, const std::string& message)
{
    if (message.empty()) {
        m_metrics.messageDropped();
        return false;
    }
    m_metrics.messageForwarded(peer);
    m_metrics.forwardLatency(0.005);
    return true;
}

void Forwarder::drain(std::vector<std::string>& queue)
{
    m_metrics.queueDepth(static_cast<double>(queue.size()));
    queue.clear();
}

} // namespace Relay
