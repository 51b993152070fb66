#include "metrics/metrics_service.h"

namespace shop {

MetricsService::MetricsService()
    : registry_(std::make_shared<prometheus::Registry>()),
      inventory_quantity_changes_total_(
          prometheus::BuildCounter()
              .Name("inventory_quantity_changes_total")
              .Help("Quantity changes "
                    "by operation")
              .Register(*registry_)),
      restocks_total_(prometheus::BuildCounter()
                          .Name("restocks_total")
                          .Help("Restocks by result")
                          .Register(*registry_)),
      restocks_ok_(restocks_total_.Add({{"result", "ok"}})),
      restocks_failed_(restocks_total_.Add({{"result", "failed"}})) {}

void MetricsService::RecordQuantityChange(const std::string& operation,
                                          int delta) {
  inventory_quantity_changes_total_.Add({{"operation", operation}})
      .Increment(delta);
}

void MetricsService::RecordRestockOk() { restocks_ok_.Increment(); }

void MetricsService::RecordRestockFailed() { restocks_failed_.Increment(); }

}  // namespace shop
