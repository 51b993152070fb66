#include "metrics/metrics_service.h"

namespace shop {

MetricsService::MetricsService()
    : registry_(std::make_shared<prometheus::Registry>()),
      orders_shipped_total_(prometheus::BuildCounter()
                                .Name("orders_shipped_total")
                                .Help("Orders shipped")
                                .Register(*registry_)
                                .Add({})),
      legacy_exports_total_(prometheus::BuildCounter()
                                .Name("legacy_exports_total")
                                .Help("Exports in the retired CSV format")
                                .Register(*registry_)
                                .Add({})) {}

void MetricsService::RecordOrderShipped() { orders_shipped_total_.Increment(); }

void MetricsService::RecordLegacyExport() { legacy_exports_total_.Increment(); }

}  // namespace shop
