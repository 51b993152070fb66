#include <ingestd/net/connection_acceptor.hpp>

#include <utility>

#include <ingestd/telemetry/with_metrics.hpp>

namespace ingestd::net {
namespace {

/// Peers are "host:port"; deny lists name hosts.
std::string hostOf(const std::string& peer) {
    const auto colon = peer.rfind(':');
    return colon == std::string::npos ? peer : peer.substr(0, colon);
}

} // namespace

ConnectionAcceptor::ConnectionAcceptor(AcceptorOptions options) : m_options(std::move(options)) {}

void ConnectionAcceptor::setMetrics(std::shared_ptr<telemetry::IngestMetrics> metrics) {
    m_metrics = std::move(metrics);
}

std::optional<ConnectionId> ConnectionAcceptor::accept(const std::string& peer) {
    prometheus::Labels rejected{{"listener", m_options.listener}};
    if (m_options.deniedPeers.count(hostOf(peer)) != 0) {
        rejected.emplace("reason", "denied");
        withMetrics(m_metrics.get(), [&](auto& m) { m.recordConnectionRejected(rejected); });
        return std::nullopt;
    }
    if (m_open.size() >= m_options.maxConnections) {
        rejected.emplace("reason", "capacity");
        withMetrics(m_metrics.get(), [&](auto& m) { m.recordConnectionRejected(rejected); });
        return std::nullopt;
    }
    const ConnectionId id = m_nextId++;
    m_open.insert(id);
    if (m_metrics) {
        m_metrics->recordConnectionAccepted(m_options.listener);
        m_metrics->connectionOpened();
    }
    return id;
}

void ConnectionAcceptor::close(ConnectionId id) {
    if (m_open.erase(id) == 0)
        return;
    if (m_metrics)
        m_metrics->connectionClosed();
}

} // namespace ingestd::net
