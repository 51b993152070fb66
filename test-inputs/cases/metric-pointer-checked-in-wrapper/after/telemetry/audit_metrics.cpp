#include "telemetry/audit_metrics.hpp"
#include "telemetry/process_registry.hpp"

namespace telemetry::v2
{

audit_metrics::audit_metrics()
    : m_registry(telemetry::v2::process_registry_ptr())
{
}

} // namespace telemetry::v2
