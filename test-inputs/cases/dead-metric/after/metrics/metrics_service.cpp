#include "metrics/metrics_service.h"

#include "metrics/registry.h"

namespace shop {

MetricsService::MetricsService()
    : registry_(shop::metrics::DefaultRegistryPtr()),
      legacy_exports_total_(prometheus::BuildCounter()
                                .Name("legacy_exports_total")
                                .Help("Exports in the retired CSV format")
                                .Register(*registry_)
                                .Add({})) {}

void MetricsService::RecordLegacyExport() { legacy_exports_total_.Increment(); }

}  // namespace shop
