#include "telemetry/prom_sink.h"
#include "telemetry/registry.h"

namespace relay {

prom_sink::prom_sink() : m_registry(relay::default_registry_ptr()) {}

}  // namespace relay
