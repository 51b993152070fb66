#include "metrics/metrics_service.h"

namespace shop {

MetricsService::MetricsService()
    : registry_(std::make_shared<prometheus::Registry>()) {
  price_cache_hits_total_ = &prometheus::BuildCounter()
                                 .Name("price_cache_hits_total")
                                 .Help("Prices served from the cache")
                                 .Register(*registry_)
                                 .Add({});
}

void MetricsService::RecordPriceCacheHit() {
  price_cache_hits_total_->Increment();
}

}  // namespace shop
