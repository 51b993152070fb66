#include "io/reader.hpp"
#include "telemetry/registry.hpp"

#include <prometheus/family.h>
#include <prometheus/histogram.h>
#include <utility>

namespace plant {
namespace io {

namespace {

// Reads are mostly sub-millisecond.
const prometheus::Histogram::BucketBoundaries read_buckets{0.0001, 0.001, 0.01};

} // namespace

prometheus::Family<prometheus::Histogram>& PLANT_READ_SECONDS =
    []() -> prometheus::Family<prometheus::Histogram>& {
    auto& family = prometheus::BuildHistogram()
                       .Name("plant_read_seconds")
                       .Help("Reads by operation")
                       .Register(plant::telemetry::default_registry());
    family.Add({{"op", "read"}}, read_buckets);
    return family;
}();

reader::reader(telemetry::sink_interface& sink, std::string shard)
    : sink_(sink), shard_(std::move(shard)) {}

std::string reader::read(const std::string& key) {
    PLANT_READ_SECONDS.Add({{"op", "read"}}, read_buckets).Observe(0.0005);
    return shard_ + "/" + key;
}

void reader::write(const std::string& key) {
    if (!key.empty()) {
        sink_.shard_write(shard_);
    }
}

} // namespace io
} // namespace plant
