#include "metrics/metrics_service.h"

#include "metrics/registry.h"

namespace shop {

MetricsService::MetricsService()
    : registry_(shop::metrics::DefaultRegistryPtr()),
      cache_hits_total_(prometheus::BuildCounter()
                            .Name("cache_hits_total")
                            .Help("Cache hits")
                            .Register(*registry_)) {}

void MetricsService::RecordCacheHit(const std::string& region) {
#if SHOP_REGIONAL_METRICS
  cache_hits_total_.Add({{"region", region}}).Increment();
#else
  (void)region;
  cache_hits_total_.Add({}).Increment();
#endif
}

}  // namespace shop
