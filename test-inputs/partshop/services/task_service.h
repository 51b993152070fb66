#pragma once

#include <cstddef>
#include <deque>
#include <functional>
#include <string>

#include "metrics/metrics_service.h"

namespace partshop {

// Small in-process queue for background work (datasheet imports, report
// generation, ...). Tasks run when the worker loop calls RunPending().
class TaskService {
 public:
  // Maximum number of tasks allowed to wait in the queue.
  static constexpr std::size_t TASK_QUEUE_DEPTH = 64;

  using TaskFn = std::function<void()>;

  TaskService(std::string worker_name, MetricsServiceProtocol& metrics);

  // Returns false when the queue is full or shutdown has started.
  bool Submit(const std::string& task_type, TaskFn fn);

  // Runs every queued task. Returns the number that completed successfully.
  int RunPending();

  // Stops accepting work and records how much was still queued.
  void PrepareShutdown();

  bool IsFull() const { return queue_.size() >= TASK_QUEUE_DEPTH; }
  std::size_t pending() const { return queue_.size(); }
  int failed_count() const { return failed_count_; }
  const std::string& worker_name() const { return worker_name_; }

  // Keeps the queue depth gauge in sync; call after every queue change.
  void PublishQueueDepth() {
    metrics_.SetTaskQueueDepth(static_cast<int>(queue_.size()));
  }

 private:
  struct QueuedTask {
    std::string type;
    TaskFn fn;
  };

  std::string worker_name_;
  MetricsServiceProtocol& metrics_;
  std::deque<QueuedTask> queue_;
  bool accepting_ = true;
  int failed_count_ = 0;
};

}  // namespace partshop
