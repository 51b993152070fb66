#include "metrics/metrics_service.h"
#include "services/task_service.h"

int main() {
  shop::MetricsService metrics;
  shop::TaskService tasks(metrics);
  return tasks.Run([] {}) ? 0 : 1;
}
