#include "telemetry/PipelineMetrics.h"
#include "telemetry/Registry.h"

namespace pipeline {

PipelineMetrics::PipelineMetrics()
    : m_registry(pipeline::telemetry::RegistryPtr())
{
}

} // namespace pipeline
