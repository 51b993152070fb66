#include "services/task_service.h"

#include <prometheus/counter.h>
#include <prometheus/family.h>

#include <exception>

#include "metrics/registry.h"

// Records how a task ended and returns whether it succeeded.
#define FINISH_TASK(status, ok)                                 \
  do {                                                          \
    TASKS_FINISHED_TOTAL.Add({{"status", status}}).Increment(); \
    return (ok);                                                \
  } while (false)

namespace shop {

prometheus::Family<prometheus::Counter>& TASKS_FINISHED_TOTAL =
    prometheus::BuildCounter()
        .Name("tasks_finished_total")
        .Help("Background tasks finished, by status")
        .Register(shop::metrics::DefaultRegistry());

prometheus::Counter& TASKS_STARTED_TOTAL =
    prometheus::BuildCounter()
        .Name("tasks_started_total")
        .Help("Background tasks started")
        .Register(shop::metrics::DefaultRegistry())
        .Add({});

TaskService::TaskService() {}

bool TaskService::Run(const std::function<void()>& task) {
  TASKS_STARTED_TOTAL.Increment();
  try {
    task();
  } catch (const std::exception&) {
    FINISH_TASK("failed", false);
  }
  FINISH_TASK("succeeded", true);
}

}  // namespace shop
