#include "metrics/metrics_service.h"

namespace shop {

MetricsService::MetricsService()
    : registry_(std::make_shared<prometheus::Registry>()) {
  kits_created_total_ = &prometheus::BuildCounter()
                             .Name("kits_created_total")
                             .Help("Kits created")
                             .Register(*registry_)
                             .Add({});
}

void MetricsService::RecordKitCreated(int count) {
  kits_created_total_->Increment(count);
}

}  // namespace shop
