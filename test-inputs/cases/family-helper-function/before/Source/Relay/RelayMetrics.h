#pragma once

#include <prometheus/counter.h>
#include <prometheus/family.h>
#include <prometheus/histogram.h>
#include <prometheus/registry.h>

#include <memory>
#include <string>

namespace Relay {

class RelayMetrics {
public:
    RelayMetrics();

    void messageForwarded(const std::string& peer);
    void messageDropped();
    void forwardLatency(double seconds);
    void queueDepth(double depth);

    std::shared_ptr<prometheus::Registry> registry() const { return m_registry; }

private:
    std::shared_ptr<prometheus::Registry> m_registry;
    prometheus::Family<prometheus::Counter>& m_forwarded;
    prometheus::Family<prometheus::Counter>& m_dropped;
    prometheus::Family<prometheus::Histogram>& m_latency;
    prometheus::Family<prometheus::Gauge>& m_depth;
};

} // namespace Relay
