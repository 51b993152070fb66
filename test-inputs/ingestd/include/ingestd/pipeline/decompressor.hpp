#pragma once

#include <optional>
#include <string>
#include <string_view>

#include <ingestd/telemetry/ingest_metrics.hpp>

namespace ingestd::pipeline {

/// Undoes the transfer encoding announced by the client ("identity" or "rle").
class Decompressor {
public:
    explicit Decompressor(telemetry::IngestMetrics& metrics) : m_metrics(metrics) {}

    std::optional<std::string> decode(const std::string& codec, std::string_view body);

private:
    telemetry::IngestMetrics& m_metrics;
};

} // namespace ingestd::pipeline
