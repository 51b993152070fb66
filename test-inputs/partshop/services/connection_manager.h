#pragma once

#include <cstddef>
#include <map>
#include <string>
#include <vector>

#include "metrics/metrics_service.h"

namespace partshop {

struct SseConnection {
  std::string id;
  std::string service;
  bool open = true;
  std::vector<std::string> delivered;
};

// Tracks server-sent-event subscribers and fans events out to them.
class ConnectionManager {
 public:
  ConnectionManager(std::size_t max_connections,
                    MetricsServiceProtocol& metrics);

  bool Connect(const std::string& connection_id, const std::string& service);
  void Disconnect(const std::string& connection_id);
  // Flags a connection whose client went away without closing it. It stays
  // registered until the next heartbeat sweep disconnects it.
  void MarkStale(const std::string& connection_id);

  // Sends `event` to every subscriber of `service`. Returns the number of
  // connections that received it.
  int Broadcast(const std::string& service, const std::string& event);

  int ActiveConnections() const;
  std::vector<std::string> DeliveredTo(const std::string& connection_id) const;

 private:
  void PublishActiveConnections();

  std::size_t max_connections_;
  MetricsServiceProtocol& metrics_;
  std::map<std::string, SseConnection> connections_;
};

}  // namespace partshop
