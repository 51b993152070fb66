#pragma once

#include <prometheus/counter.h>
#include <prometheus/family.h>

#include <functional>

#include "metrics/metrics_service.h"

namespace shop {

extern prometheus::Counter& TASKS_STARTED_TOTAL;

class TaskService {
 public:
  explicit TaskService(MetricsServiceProtocol& metrics);

  // Runs the task; returns false when it threw.
  bool Run(const std::function<void()>& task);

 private:
  MetricsServiceProtocol& metrics_;
};

}  // namespace shop
