#pragma once

#include "Source/Relay/RelayMetrics.h"

#include <prometheus/counter.h>
#include <prometheus/family.h>
#include <prometheus/histogram.h>
#include <string>
#include <vector>

namespace Relay {

extern prometheus::Family<prometheus::Histogram>& RELAY_FORWARD_LATENCY_SECONDS;

extern prometheus::Family<prometheus::Counter>& RELAY_MESSAGES_DROPPED_TOTAL;

extern prometheus::Family<prometheus::Counter>& RELAY_MESSAGES_FORWARDED_TOTAL;

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
