#include "services/task_service.h"

#include "tests/fake_metrics.h"

int main() {
  shop::FakeMetrics metrics;
  shop::TaskService tasks(metrics);
  return tasks.Run([] {}) ? 0 : 1;
}
