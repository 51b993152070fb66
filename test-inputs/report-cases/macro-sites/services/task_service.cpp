#include "services/task_service.h"

#include <exception>

// Records how a task ended through `recorder` and returns whether it
// succeeded.
#define FINISH_TASK(recorder, status, ok)  \
  do {                                     \
    (recorder).RecordTaskFinished(status); \
    return (ok);                           \
  } while (false)

namespace shop {

TaskService::TaskService(MetricsServiceProtocol& metrics) : metrics_(metrics) {}

bool TaskService::Run(const std::function<void()>& task) {
  metrics_.RecordTaskStarted();
  try {
    task();
  } catch (const std::exception&) {
    FINISH_TASK(metrics_, "failed", false);
  }
  FINISH_TASK(metrics_, "succeeded", true);
}

}  // namespace shop
