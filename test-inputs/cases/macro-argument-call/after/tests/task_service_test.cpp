#include "services/task_service.h"

#include "tests/fake_metrics.h"

int main() {
  shop::FakeMetrics metrics;
  shop::TaskService tasks(metrics);
  tasks.Run([] {});
  return metrics.finished.size() == 1 ? 0 : 1;
}
