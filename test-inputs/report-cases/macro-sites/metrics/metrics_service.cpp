#include "metrics/metrics_service.h"

namespace shop {

MetricsService::MetricsService()
    : registry_(std::make_shared<prometheus::Registry>()),
      tasks_started_total_(prometheus::BuildCounter()
                               .Name("tasks_started_total")
                               .Help("Background tasks started")
                               .Register(*registry_)
                               .Add({})),
      tasks_finished_total_(prometheus::BuildCounter()
                                .Name("tasks_finished_total")
                                .Help("Background tasks finished, by status")
                                .Register(*registry_)) {}

void MetricsService::RecordTaskStarted() { tasks_started_total_.Increment(); }

void MetricsService::RecordTaskFinished(const std::string& status) {
  tasks_finished_total_.Add({{"status", status}}).Increment();
}

}  // namespace shop
