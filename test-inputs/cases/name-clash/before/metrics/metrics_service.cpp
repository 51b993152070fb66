#include "metrics/metrics_service.h"

namespace shop {

MetricsService::MetricsService()
    : registry_(std::make_shared<prometheus::Registry>()),
      kits_created_total_(prometheus::BuildCounter()
                              .Name("kits_created_total")
                              .Help("Kits created")
                              .Register(*registry_)
                              .Add({})) {}

void MetricsService::RecordKitCreated() { kits_created_total_.Increment(); }

}  // namespace shop
