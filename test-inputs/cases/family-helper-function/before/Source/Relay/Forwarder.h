#pragma once

#include "Source/Relay/RelayMetrics.h"

#include <string>
#include <vector>

namespace Relay {

class Forwarder {
public:
    explicit Forwarder(RelayMetrics& metrics)
        : m_metrics(metrics)
    {
    }

    bool forward(const std::string& peer, const std::string& message);
    void drain(std::vector<std::string>& queue);

private:
    RelayMetrics& m_metrics;
};

} // namespace Relay
