#pragma once

#include <deque>
#include <string>

#include "metrics/metrics_service.h"

namespace shop {

class JobService {
 public:
  explicit JobService(MetricsServiceProtocol& metrics);

  void Submit(const std::string& job);
  int Depth() const { return static_cast<int>(queue_.size()); }

 private:
  MetricsServiceProtocol& metrics_;
  std::deque<std::string> queue_;
};

}  // namespace shop
