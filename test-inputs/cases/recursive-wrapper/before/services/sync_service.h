#pragma once

#include "metrics/metrics_service.h"

namespace shop {

class SyncService {
 public:
  explicit SyncService(MetricsServiceProtocol& metrics);

  void Sync(int attempts);

 private:
  MetricsServiceProtocol& metrics_;
};

}  // namespace shop
