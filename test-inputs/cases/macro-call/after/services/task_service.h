#pragma once

#include <prometheus/counter.h>
#include <prometheus/family.h>

#include <functional>

namespace shop {

extern prometheus::Family<prometheus::Counter>& TASKS_FINISHED_TOTAL;

extern prometheus::Counter& TASKS_STARTED_TOTAL;

class TaskService {
 public:
  TaskService();

  // Runs the task; returns false when it threw.
  bool Run(const std::function<void()>& task);
};

}  // namespace shop
