#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <set>
#include <string>

#include <ingestd/telemetry/ingest_metrics.hpp>

namespace ingestd::net {

struct AcceptorOptions {
    std::string listener = "tcp:4317";
    std::size_t maxConnections = 128;
    std::set<std::string> deniedPeers;
};

using ConnectionId = std::uint64_t;

/// Admission control for incoming connections. Metrics are attached after construction,
/// once the daemon has built them (the acceptor is created first to reserve the port).
class ConnectionAcceptor {
public:
    explicit ConnectionAcceptor(AcceptorOptions options);

    void setMetrics(std::shared_ptr<telemetry::IngestMetrics> metrics);

    std::optional<ConnectionId> accept(const std::string& peer);
    void close(ConnectionId id);
    std::size_t open() const { return m_open.size(); }

private:
    AcceptorOptions m_options;
    std::shared_ptr<telemetry::IngestMetrics> m_metrics;
    std::set<ConnectionId> m_open;
    ConnectionId m_nextId = 1;
};

} // namespace ingestd::net
