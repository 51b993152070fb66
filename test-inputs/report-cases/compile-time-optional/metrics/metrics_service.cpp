#include "metrics/metrics_service.h"

namespace shop {

MetricsService::MetricsService()
    : registry_(std::make_shared<prometheus::Registry>()),
      inventory_quantity_changes_total_(
          prometheus::BuildCounter()
              .Name("inventory_quantity_changes_total")
              .Help("Quantity changes by operation")
              .Register(*registry_)) {}

void MetricsService::RecordQuantityChange(const std::string& operation,
                                          int delta) {
  inventory_quantity_changes_total_.Add({{"operation", operation}})
      .Increment(delta);
}

}  // namespace shop
