#pragma once

#include <prometheus/counter.h>
#include <prometheus/family.h>

#include "metrics/metrics_service.h"

namespace shop {

extern prometheus::Family<prometheus::Counter>& SYNC_DONE_TOTAL;

class SyncService {
 public:
  explicit SyncService(MetricsServiceProtocol& metrics);

  void Sync(int attempts);

 private:
  MetricsServiceProtocol& metrics_;
};

}  // namespace shop
