#include "metrics/metrics_service.h"

#include "metrics/registry.h"

namespace shop {

MetricsService::MetricsService()
    : registry_(shop::metrics::DefaultRegistryPtr()),
      tasks_finished_total_(prometheus::BuildCounter()
                                .Name("tasks_finished_total")
                                .Help("Background tasks finished, by status")
                                .Register(*registry_)) {}

void MetricsService::RecordTaskFinished(const std::string& status) {
  tasks_finished_total_.Add({{"status", status}}).Increment();
}

}  // namespace shop
