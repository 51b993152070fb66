#include "services/task_service.h"

#include <exception>

// Records how a task ended through `recorder`'s method `record` and returns
// whether it succeeded.
#define FINISH_TASK(recorder, record, status, ok) \
  do {                                            \
    (recorder).record(status);                    \
    return (ok);                                  \
  } while (false)

namespace shop {

TaskService::TaskService(MetricsServiceProtocol& metrics) : metrics_(metrics) {}

bool TaskService::Run(const std::function<void()>& task) {
  metrics_.RecordTaskStarted();
  try {
    task();
  } catch (const std::exception&) {
    FINISH_TASK(metrics_, RecordTaskFinished, "failed", false);
  }
  FINISH_TASK(metrics_, RecordTaskFinished, "succeeded", true);
}

}  // namespace shop
