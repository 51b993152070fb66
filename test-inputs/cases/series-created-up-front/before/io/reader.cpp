#include "io/reader.hpp"

#include <utility>

namespace plant {
namespace io {

reader::reader(telemetry::sink_interface& sink, std::string shard)
    : sink_(sink), shard_(std::move(shard)) {}

std::string reader::read(const std::string& key) {
    sink_.read_latency("read", 0.0005);
    return shard_ + "/" + key;
}

void reader::write(const std::string& key) {
    if (!key.empty()) {
        sink_.shard_write(shard_);
    }
}

} // namespace io
} // namespace plant
