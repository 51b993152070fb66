#pragma once

#include "metrics/metrics_service.h"

namespace shop {

// Records nothing: for tests that only care about behaviour.
class StubMetrics : public MetricsServiceProtocol {
 public:
  void RecordOrderShipped() override {}
};

}  // namespace shop
