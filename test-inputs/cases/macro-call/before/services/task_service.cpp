#include "services/task_service.h"

#include <exception>

// Records how a task ended and returns whether it succeeded.
#define FINISH_TASK(status, ok)          \
  do {                                   \
    metrics_.RecordTaskFinished(status); \
    return (ok);                         \
  } while (false)

namespace shop {

TaskService::TaskService(MetricsServiceProtocol& metrics) : metrics_(metrics) {}

bool TaskService::Run(const std::function<void()>& task) {
  metrics_.RecordTaskStarted();
  try {
    task();
  } catch (const std::exception&) {
    FINISH_TASK("failed", false);
  }
  FINISH_TASK("succeeded", true);
}

}  // namespace shop
