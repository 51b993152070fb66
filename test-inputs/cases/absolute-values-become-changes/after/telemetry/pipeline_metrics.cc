#include "telemetry/pipeline_metrics.hh"
#include "telemetry/process_registry.hh"

#include <utility>

namespace telemetry {

pipeline_metrics::pipeline_metrics(
  std::shared_ptr<prometheus::Registry> /*registry*/)
  : m_registry(telemetry::process_registry_ptr())
{
}

} // namespace telemetry
