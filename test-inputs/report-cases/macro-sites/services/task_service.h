#pragma once

#include <functional>

#include "metrics/metrics_service.h"

namespace shop {

class TaskService {
 public:
  explicit TaskService(MetricsServiceProtocol& metrics);

  // Runs the task; returns false when it threw.
  bool Run(const std::function<void()>& task);

 private:
  MetricsServiceProtocol& metrics_;
};

}  // namespace shop
