#include "daq/telemetry.h"
#include "daq/telemetry_registry.h"

namespace daq {

Telemetry::Telemetry()
  : mRegistry(daq::TelemetryRegistryPtr())
{
}

} // namespace daq
