#pragma once

#include <functional>
#include <string>
#include <utility>
#include <vector>

#include "metrics/metrics_service.h"

namespace partshop {

// Runs the registered shutdown callbacks in registration order.
class ShutdownCoordinator {
 public:
  explicit ShutdownCoordinator(MetricsServiceProtocol& metrics);

  void RegisterShutdownCallback(std::string name,
                                std::function<void()> callback);

  // Runs every callback once. Later calls are no-ops. Returns the names of
  // callbacks that threw.
  std::vector<std::string> Shutdown();

  bool shutting_down() const { return shutting_down_; }

 private:
  MetricsServiceProtocol& metrics_;
  std::vector<std::pair<std::string, std::function<void()>>> callbacks_;
  bool shutting_down_ = false;
};

}  // namespace partshop
