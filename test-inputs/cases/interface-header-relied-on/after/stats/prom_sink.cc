#include "stats/prom_sink.h"
#include "stats/process_registry.h"

namespace stats {

PromSink::PromSink() : registry_(stats::ProcessRegistryPtr()) {}

}  // namespace stats
