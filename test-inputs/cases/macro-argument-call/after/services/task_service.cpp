#include "services/task_service.h"

#include <prometheus/counter.h>
#include <prometheus/family.h>

#include <exception>

#include "metrics/registry.h"

// Records how a task ended through `recorder`'s method `record` and returns
// whether it succeeded.
#define FINISH_TASK(recorder, record, status, ok) \
  do {                                            \
    (recorder).record(status);                    \
    return (ok);                                  \
  } while (false)

namespace shop {

prometheus::Counter& TASKS_STARTED_TOTAL =
    prometheus::BuildCounter()
        .Name("tasks_started_total")
        .Help("Background tasks started")
        .Register(shop::metrics::DefaultRegistry())
        .Add({});

TaskService::TaskService(MetricsServiceProtocol& metrics) : metrics_(metrics) {}

bool TaskService::Run(const std::function<void()>& task) {
  TASKS_STARTED_TOTAL.Increment();
  try {
    task();
  } catch (const std::exception&) {
    FINISH_TASK(metrics_, RecordTaskFinished, "failed", false);
  }
  FINISH_TASK(metrics_, RecordTaskFinished, "succeeded", true);
}

}  // namespace shop
