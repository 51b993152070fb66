#include "svc/Telemetry.h"
#include "svc/SharedRegistry.h"

namespace svc
{
    Telemetry::Telemetry() : registry(svc::SharedRegistryPtr())
    {
    }
}
