#pragma once

#include <string>
#include <vector>

#include "metrics/metrics_service.h"

namespace shop {

// Remembers what was recorded.
class FakeMetrics : public MetricsServiceProtocol {
 public:
  void RecordTaskStarted() override { ++started; }
  void RecordTaskFinished(const std::string& status) override {
    finished.push_back(status);
  }

  int started = 0;
  std::vector<std::string> finished;
};

}  // namespace shop
