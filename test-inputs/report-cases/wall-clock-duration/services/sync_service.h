#pragma once

#include <chrono>
#include <vector>

#include "metrics/metrics_service.h"

namespace shop {

class SyncService {
 public:
  explicit SyncService(MetricsServiceProtocol& metrics);

  // Measures itself on the wall clock.
  void FullSync();
  // Measures itself on the monotonic clock.
  void PartialSync();
  // Remembers when it was called; records nothing.
  void Touch();

 private:
  void Flush();

  MetricsServiceProtocol& metrics_;
  std::vector<int> pending_;
  std::chrono::system_clock::time_point touched_;
};

}  // namespace shop
