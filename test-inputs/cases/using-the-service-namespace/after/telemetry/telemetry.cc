#include "telemetry/telemetry.h"
#include "metrics/registry.h"

namespace telemetry {

Telemetry::Telemetry(std::shared_ptr<prometheus::Registry> /*registry*/)
    : m_registry(metrics::RegistryPtr()) {}

}  // namespace telemetry
