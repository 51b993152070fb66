#pragma once

#include <prometheus/family.h>
#include <prometheus/registry.h>

#include <memory>
#include <string>

namespace Relay {

class RelayMetrics {
public:
    RelayMetrics();

    void queueDepth(double depth);

    std::shared_ptr<prometheus::Registry> registry() const { return m_registry; }

private:
    std::shared_ptr<prometheus::Registry> m_registry;
    prometheus::Family<prometheus::Gauge>& m_depth;
};

} // namespace Relay
