#include "telemetry/sink.hpp"

namespace plant {
namespace telemetry {

namespace {

// Reads are mostly sub-millisecond.
const prometheus::Histogram::BucketBoundaries read_buckets{0.0001, 0.001, 0.01};

} // namespace

sink::sink(const std::string& shard)
    : registry_(std::make_shared<prometheus::Registry>()),
      door_states_(prometheus::BuildGauge()
                       .Name("plant_door_state")
                       .Help("Doors by state")
                       .Register(*registry_)),
      read_seconds_(prometheus::BuildHistogram()
                        .Name("plant_read_seconds")
                        .Help("Reads by operation")
                        .Register(*registry_)),
      shard_writes_(prometheus::BuildCounter()
                        .Name("plant_shard_writes_total")
                        .Help("Writes by shard")
                        .Register(*registry_)) {
    alarms_ = &prometheus::BuildCounter()
                   .Name("plant_alarms_total")
                   .Help("Alarms by outcome")
                   .Register(*registry_);

    // Every state is exposed before the first door moves.
    for (const char* state : {"open", "closed", "jammed"}) {
        door_states_.Add({{"state", state}}).Set(0);
    }
    alarms_->Add({{"outcome", "fired"}});
    this->alarms_->Add({{"outcome", "cleared"}});
    read_seconds_.Add({{"op", "read"}}, read_buckets);

    // The shard this process writes to is known only here.
    shard_writes_.Add({{"shard", shard}});
}

void sink::door_state(const std::string& state, double value) {
    door_states_.Add({{"state", state}}).Set(value);
}

void sink::alarm(bool fired) {
    alarms_->Add({{"outcome", fired ? "fired" : "cleared"}}).Increment();
}

void sink::read_latency(const std::string& op, double seconds) {
    read_seconds_.Add({{"op", op}}, read_buckets).Observe(seconds);
}

void sink::shard_write(const std::string& shard) {
    shard_writes_.Add({{"shard", shard}}).Increment();
}

} // namespace telemetry
} // namespace plant
