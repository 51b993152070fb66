#include <ingestd/daemon.hpp>

#include <utility>

namespace ingestd {
namespace {

pipeline::Transport orAcceptAll(pipeline::Transport transport) {
    if (transport)
        return transport;
    return [](const std::string&) { return std::string(); };
}

} // namespace

IngestDaemon::IngestDaemon(DaemonConfig config, const Clock& clock,
                           std::shared_ptr<prometheus::Registry> registry)
    : m_config(std::move(config)), m_clock(clock), m_acceptor(m_config.acceptor),
      m_metrics(std::make_shared<telemetry::IngestMetrics>(std::move(registry))),
      m_schemas(*m_metrics), m_decompressor(*m_metrics), m_json(*m_metrics),
      m_lines(*m_metrics, 32),
      m_throttle(*m_metrics, m_config.tenantRatePerSecond, m_config.tenantBurst),
      m_dedup(m_metrics, m_config.dedupWindow), m_router(*m_metrics, m_config.routes),
      m_sink(m_config.sinkName, m_metrics, m_clock, orAcceptAll(m_config.transport)),
      m_retries(m_config.retry, m_metrics.get()),
      m_batcher(*m_metrics, m_config.batcher,
                [this](pipeline::Batch&& batch) { deliver(std::move(batch), 0); }) {
    m_acceptor.setMetrics(m_metrics);
    for (const schema::Schema& schema : m_config.schemas)
        m_schemas.registerSchema(schema);
}

std::size_t IngestDaemon::ingest(const std::string& peer, const std::string& format,
                                 const std::string& codec, std::string_view body) {
    const std::optional<std::string> plain = m_decompressor.decode(codec, body);
    if (!plain)
        return 0;
    pipeline::ParseResult parsed;
    if (format == "line")
        parsed = m_lines.parse(peer, *plain);
    else if (format == "json-array")
        parsed = m_json.parseDocument(peer, *plain);
    else
        parsed = m_json.parse(peer, *plain);

    const double now = m_clock.now();
    std::vector<pipeline::Record> kept;
    for (pipeline::Record& record : parsed.records) {
        if (!m_throttle.admit(record.tenant, now))
            continue;
        if (!m_schemas.validate(record)) {
            m_metrics->recordDropped("schema_mismatch");
            continue;
        }
        if (!m_dedup.admit(record))
            continue;
        kept.push_back(std::move(record));
    }
    m_router.route(kept);
    for (pipeline::Record& record : kept)
        m_batcher.add(std::move(record), now);
    return kept.size();
}

void IngestDaemon::tick() {
    const double now = m_clock.now();
    m_batcher.tick(now);
    for (pipeline::PendingRetry& retry : m_retries.takeDue(now))
        deliver(std::move(retry.batch), retry.attempt);
}

void IngestDaemon::shutdown() {
    m_batcher.close();
}

void IngestDaemon::deliver(pipeline::Batch&& batch, int attempt) {
    const pipeline::WriteOutcome outcome = m_sink.write(batch);
    if (!outcome.ok)
        m_retries.schedule(std::move(batch), m_sink.name(), attempt, m_clock.now());
}

} // namespace ingestd
