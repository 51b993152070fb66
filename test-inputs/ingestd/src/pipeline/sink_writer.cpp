#include <ingestd/pipeline/sink_writer.hpp>

#include <utility>

namespace ingestd::pipeline {

SinkWriter::SinkWriter(std::string name, std::shared_ptr<telemetry::IngestMetrics> metrics,
                       const Clock& clock, Transport transport)
    : m_name(std::move(name)), m_metrics(std::move(metrics)), m_clock(clock),
      m_transport(std::move(transport)) {}

WriteOutcome SinkWriter::write(const Batch& batch) {
    const prometheus::Labels labels{{"sink", m_name}, {"format", batch.format}};
    const std::string payload = batch.encode();

    const double started = m_clock.now();
    std::string error = m_transport(payload);
    const double elapsed = m_clock.now() - started;

    if (!error.empty()) {
        m_metrics->recordWriteFailure(m_name, error);
        return {false, std::move(error)};
    }
    ++m_written;
    m_metrics->observeWriteLatency(elapsed, labels);
    m_metrics->recordBytesWritten(static_cast<double>(payload.size()), labels);
    return {true, {}};
}

} // namespace ingestd::pipeline
