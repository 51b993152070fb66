#include "metrics/metrics_service.h"

namespace shop {

MetricsService::MetricsService()
    : registry_(std::make_shared<prometheus::Registry>()),
      kits_built_total_(prometheus::BuildCounter()
                            .Name("kits_built_total")
                            .Help("Kits built, by production line")
                            .Register(*registry_)) {}

void MetricsService::RecordKitBuilt(const std::string& line) {
  kits_built_total_.Add({{"line", line}}).Increment();
}

}  // namespace shop
