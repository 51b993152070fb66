#include <ingestd/telemetry/registry.hpp>

namespace ingestd {

std::shared_ptr<prometheus::Registry> metricsRegistryHandle() {
    static const std::shared_ptr<prometheus::Registry> registry =
        std::make_shared<prometheus::Registry>();
    return registry;
}

prometheus::Registry& metricsRegistry() {
    return *metricsRegistryHandle();
}

} // namespace ingestd
