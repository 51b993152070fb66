#include <gtest/gtest.h>

#include <memory>
#include <string>

#include <ingestd/clock.hpp>
#include <ingestd/pipeline/sink_writer.hpp>

#include <support/registry_probe.hpp>

namespace {

using ingestd::Clock;
using ingestd::check::sampleCount;
using ingestd::check::sampleSum;
using ingestd::check::sampleValue;
using ingestd::pipeline::Batch;
using ingestd::pipeline::SinkWriter;
using ingestd::telemetry::IngestMetrics;

Batch batchOf(std::size_t records) {
    Batch batch;
    batch.format = "line";
    batch.records.resize(records);
    for (auto& record : batch.records)
        record.measurement = "cpu";
    return batch;
}

class SinkWriterCheck : public testing::Test {
protected:
    std::shared_ptr<prometheus::Registry> m_registry = std::make_shared<prometheus::Registry>();
    std::shared_ptr<IngestMetrics> m_metrics = std::make_shared<IngestMetrics>(m_registry);
    Clock m_clock = Clock::manual();
    std::string m_nextError;
    SinkWriter m_sink{"archive", m_metrics, m_clock, [this](const std::string&) {
                          m_clock.advance(0.25);
                          return m_nextError;
                      }};
    const prometheus::Labels m_labels{{"sink", "archive"}, {"format", "line"}};
};

TEST_F(SinkWriterCheck, MeasuresSuccessfulWrites) {
    const Batch batch = batchOf(3);
    EXPECT_TRUE(m_sink.write(batch).ok);
    EXPECT_TRUE(m_sink.write(batch).ok);

    EXPECT_EQ(sampleCount(*m_registry, "ingestd_sink_write_latency_seconds", m_labels), 2u);
    EXPECT_DOUBLE_EQ(sampleSum(*m_registry, "ingestd_sink_write_latency_seconds", m_labels), 0.5);
    EXPECT_EQ(sampleValue(*m_registry, "ingestd_sink_bytes_written_total", m_labels),
              2.0 * static_cast<double>(batch.encodedSize()));
    EXPECT_EQ(m_sink.batchesWritten(), 2u);
}

TEST_F(SinkWriterCheck, FailuresAreCountedNotTimed) {
    m_nextError = "timeout";
    const auto outcome = m_sink.write(batchOf(1));

    EXPECT_FALSE(outcome.ok);
    EXPECT_EQ(outcome.error, "timeout");
    EXPECT_EQ(sampleValue(*m_registry, "ingestd_sink_write_failures_total",
                          {{"sink", "archive"}, {"error", "timeout"}}),
              1.0);
    EXPECT_EQ(sampleCount(*m_registry, "ingestd_sink_write_latency_seconds", m_labels), 0u);
}

} // namespace
