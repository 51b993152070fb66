#include "utils/shutdown_coordinator.h"

#include <chrono>
#include <exception>

namespace partshop {

ShutdownCoordinator::ShutdownCoordinator(MetricsServiceProtocol& metrics)
    : metrics_(metrics) {}

void ShutdownCoordinator::RegisterShutdownCallback(
    std::string name, std::function<void()> callback) {
  callbacks_.emplace_back(std::move(name), std::move(callback));
}

std::vector<std::string> ShutdownCoordinator::Shutdown() {
  std::vector<std::string> failed;
  if (shutting_down_) {
    return failed;
  }
  shutting_down_ = true;
  metrics_.SetShuttingDown(true);

  const auto start = std::chrono::steady_clock::now();
  for (const auto& [name, callback] : callbacks_) {
    try {
      callback();
    } catch (const std::exception&) {
      failed.push_back(name);
    }
  }
  metrics_.RecordShutdownDuration(
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start)
          .count());
  return failed;
}

}  // namespace partshop
