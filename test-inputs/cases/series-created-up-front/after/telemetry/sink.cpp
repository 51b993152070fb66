#include "telemetry/sink.hpp"
#include "telemetry/registry.hpp"

namespace plant {
namespace telemetry {

sink::sink(const std::string& shard)
    : registry_(plant::telemetry::default_registry_ptr()),
      shard_writes_(prometheus::BuildCounter()
                        .Name("plant_shard_writes_total")
                        .Help("Writes by shard")
                        .Register(*registry_)) {
    // The shard this process writes to is known only here.
    shard_writes_.Add({{"shard", shard}});
}

void sink::shard_write(const std::string& shard) {
    shard_writes_.Add({{"shard", shard}}).Increment();
}

} // namespace telemetry
} // namespace plant
