#include "telemetry/Metrics.hpp"
#include "telemetry/ProcessRegistry.hpp"

namespace telemetry
{

Metrics::Metrics() : _registry(telemetry::ProcessRegistryPtr())
{
}

} // namespace telemetry
