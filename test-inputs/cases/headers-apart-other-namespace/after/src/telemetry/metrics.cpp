#include <app/telemetry/metrics.hpp>
#include <app/telemetry/registry.hpp>
#include <utility>

namespace app::telemetry {

Metrics::Metrics(std::shared_ptr<prometheus::Registry> /*registry*/)
    : m_registry(std::shared_ptr<prometheus::Registry>(
          &app::metricsRegistry(), [](prometheus::Registry*) {})) {}

}  // namespace app::telemetry
