#pragma once

#include <functional>
#include <memory>
#include <string>

#include <ingestd/clock.hpp>
#include <ingestd/pipeline/record.hpp>
#include <ingestd/telemetry/ingest_metrics.hpp>

namespace ingestd::pipeline {

/// Sends an encoded batch somewhere; returns an empty string on success, else an error code
/// ("timeout", "rejected", ...).
using Transport = std::function<std::string(const std::string& payload)>;

struct WriteOutcome {
    bool ok = false;
    std::string error;
};

/// Writes batches to one downstream sink and accounts for latency, bytes and failures.
class SinkWriter {
public:
    SinkWriter(std::string name, std::shared_ptr<telemetry::IngestMetrics> metrics,
               const Clock& clock, Transport transport);

    WriteOutcome write(const Batch& batch);
    const std::string& name() const { return m_name; }
    std::size_t batchesWritten() const { return m_written; }

private:
    std::string m_name;
    std::shared_ptr<telemetry::IngestMetrics> m_metrics;
    const Clock& m_clock;
    Transport m_transport;
    std::size_t m_written = 0;
};

} // namespace ingestd::pipeline
