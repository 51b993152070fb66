#pragma once

#include <cstddef>
#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace ingestd::pipeline {

/// One telemetry point after decoding.
struct Record {
    std::string source;      ///< peer the payload came from
    std::string tenant;      ///< owner of the data; drives throttling
    std::string measurement; ///< e.g. "cpu", "http.requests"
    std::string topic;       ///< set by the router
    std::int64_t timestampMs = 0;
    std::map<std::string, std::string> fields;

    /// Identity used by the deduplicator.
    std::string key() const;
};

/// Records travelling together to a sink.
struct Batch {
    std::string format;
    std::vector<Record> records;

    /// Size of the batch once serialized for the sink.
    std::size_t encodedSize() const;
    std::string encode() const;
};

} // namespace ingestd::pipeline
