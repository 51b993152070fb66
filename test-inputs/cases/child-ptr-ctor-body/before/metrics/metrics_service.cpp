#include "metrics/metrics_service.h"

namespace shop {

MetricsService::MetricsService()
    : registry_(std::make_shared<prometheus::Registry>()) {
  kits_archived_total_ = &prometheus::BuildCounter()
                              .Name("kits_archived_total")
                              .Help("Kits archived")
                              .Register(*registry_)
                              .Add({});
}

void MetricsService::RecordKitArchived() { kits_archived_total_->Increment(); }

}  // namespace shop
