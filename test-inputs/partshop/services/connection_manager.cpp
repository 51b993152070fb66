#include "services/connection_manager.h"

#include <algorithm>

namespace partshop {

ConnectionManager::ConnectionManager(std::size_t max_connections,
                                     MetricsServiceProtocol& metrics)
    : max_connections_(max_connections), metrics_(metrics) {}

bool ConnectionManager::Connect(const std::string& connection_id,
                                const std::string& service) {
  if (connections_.count(connection_id) > 0) {
    return true;
  }
  if (connections_.size() >= max_connections_) {
    metrics_.RecordSseConnectionEvent("rejected");
    return false;
  }
  SseConnection connection;
  connection.id = connection_id;
  connection.service = service;
  connections_[connection_id] = connection;

  metrics_.RecordSseConnectionEvent("connect");
  PublishActiveConnections();
  return true;
}

void ConnectionManager::Disconnect(const std::string& connection_id) {
  if (connections_.erase(connection_id) == 0) {
    return;
  }
  metrics_.RecordSseConnectionEvent("disconnect");
  PublishActiveConnections();
}

void ConnectionManager::MarkStale(const std::string& connection_id) {
  auto it = connections_.find(connection_id);
  if (it != connections_.end() && it->second.open) {
    it->second.open = false;
    PublishActiveConnections();
  }
}

int ConnectionManager::Broadcast(const std::string& service,
                                 const std::string& event) {
  int delivered = 0;
  std::for_each(connections_.begin(), connections_.end(),
                [this, &service, &event, &delivered](auto& entry) {
                  SseConnection& connection = entry.second;
                  if (connection.service != service) {
                    return;
                  }
                  if (!connection.open) {
                    metrics_.RecordSseEventSent(service, "dropped");
                    return;
                  }
                  connection.delivered.push_back(event);
                  ++delivered;
                  metrics_.RecordSseEventSent(service);
                });
  return delivered;
}

int ConnectionManager::ActiveConnections() const {
  return static_cast<int>(
      std::count_if(connections_.begin(), connections_.end(),
                    [](const auto& entry) { return entry.second.open; }));
}

std::vector<std::string> ConnectionManager::DeliveredTo(
    const std::string& connection_id) const {
  auto it = connections_.find(connection_id);
  return it == connections_.end() ? std::vector<std::string>{}
                                  : it->second.delivered;
}

void ConnectionManager::PublishActiveConnections() {
  metrics_.SetActiveSseConnections(ActiveConnections());
}

}  // namespace partshop
