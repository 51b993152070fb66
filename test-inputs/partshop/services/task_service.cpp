#include "services/task_service.h"

#include <chrono>
#include <exception>
#include <utility>

namespace partshop {

TaskService::TaskService(std::string worker_name,
                         MetricsServiceProtocol& metrics)
    : worker_name_(std::move(worker_name)), metrics_(metrics) {}

bool TaskService::Submit(const std::string& task_type, TaskFn fn) {
  if (!accepting_ || IsFull()) {
    return false;
  }
  queue_.push_back({task_type, std::move(fn)});
  PublishQueueDepth();
  return true;
}

int TaskService::RunPending() {
  int succeeded = 0;
  while (!queue_.empty()) {
    QueuedTask task = std::move(queue_.front());
    queue_.pop_front();

    const auto start = std::chrono::steady_clock::now();
    std::string status = "success";
    try {
      task.fn();
      ++succeeded;
    } catch (const std::exception&) {
      status = "failed";
      ++failed_count_;
    }
    const double elapsed =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start)
            .count();

    metrics_.RecordTaskExecution(task.type, status);
    metrics_.RecordTaskDuration(task.type, elapsed);
  }
  PublishQueueDepth();
  return succeeded;
}

void TaskService::PrepareShutdown() {
  accepting_ = false;
  metrics_.SetActiveTasksAtShutdown(static_cast<int>(queue_.size()));
}

}  // namespace partshop
