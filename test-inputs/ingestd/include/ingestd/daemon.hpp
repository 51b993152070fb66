#pragma once

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include <ingestd/clock.hpp>
#include <ingestd/net/connection_acceptor.hpp>
#include <ingestd/pipeline/batcher.hpp>
#include <ingestd/pipeline/decompressor.hpp>
#include <ingestd/pipeline/deduplicator.hpp>
#include <ingestd/pipeline/json_parser.hpp>
#include <ingestd/pipeline/line_protocol_parser.hpp>
#include <ingestd/pipeline/retry_queue.hpp>
#include <ingestd/pipeline/sink_writer.hpp>
#include <ingestd/pipeline/tenant_throttle.hpp>
#include <ingestd/pipeline/topic_router.hpp>
#include <ingestd/schema/schema_registry.hpp>
#include <ingestd/telemetry/ingest_metrics.hpp>
#include <ingestd/telemetry/registry.hpp>

namespace ingestd {

struct DaemonConfig {
    net::AcceptorOptions acceptor;
    pipeline::BatcherOptions batcher;
    pipeline::RetryPolicy retry;
    std::vector<pipeline::RouteRule> routes;
    std::vector<schema::Schema> schemas;
    std::size_t dedupWindow = 1024;
    double tenantRatePerSecond = 100.0;
    double tenantBurst = 200.0;
    std::string sinkName = "warehouse";
    pipeline::Transport transport; ///< empty: every write succeeds
};

/// The whole pipeline: accept, decode, parse, throttle, validate, deduplicate, route, batch,
/// write, retry.
class IngestDaemon {
public:
    IngestDaemon(DaemonConfig config, const Clock& clock,
                 std::shared_ptr<prometheus::Registry> registry = metricsRegistryHandle());

    net::ConnectionAcceptor& acceptor() { return m_acceptor; }
    schema::SchemaRegistry& schemas() { return m_schemas; }
    telemetry::IngestMetrics& metrics() { return *m_metrics; }

    /// Handles one request body ("json", "json-array" or "line"); returns the records queued.
    std::size_t ingest(const std::string& peer, const std::string& format, const std::string& codec,
                       std::string_view body);
    /// Periodic work: flushes old batches and redelivers due retries.
    void tick();
    void shutdown();

    std::size_t batchesDelivered() const { return m_sink.batchesWritten(); }
    std::size_t retriesPending() const { return m_retries.size(); }

private:
    void deliver(pipeline::Batch&& batch, int attempt);

    DaemonConfig m_config;
    const Clock& m_clock;
    net::ConnectionAcceptor m_acceptor;
    std::shared_ptr<telemetry::IngestMetrics> m_metrics;
    schema::SchemaRegistry m_schemas;
    pipeline::Decompressor m_decompressor;
    pipeline::JsonParser m_json;
    pipeline::LineProtocolParser m_lines;
    pipeline::TenantThrottle m_throttle;
    pipeline::Deduplicator m_dedup;
    pipeline::TopicRouter m_router;
    pipeline::SinkWriter m_sink;
    pipeline::RetryQueue m_retries;
    pipeline::Batcher<telemetry::IngestMetrics> m_batcher;
};

} // namespace ingestd
