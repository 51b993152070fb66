#include "metrics/metrics_service.h"

namespace shop {

MetricsService::MetricsService()
    : registry_(std::make_shared<prometheus::Registry>()),
      cache_hits_total_(prometheus::BuildCounter()
                            .Name("cache_hits_total")
                            .Help("Cache hits")
                            .Register(*registry_)),
      cache_misses_total_(prometheus::BuildCounter()
                              .Name("cache_misses_total")
                              .Help("Cache misses, by region")
                              .Register(*registry_)) {}

void MetricsService::RecordCacheHit(const std::string& region) {
#if SHOP_REGIONAL_METRICS
  cache_hits_total_.Add({{"region", region}}).Increment();
#else
  (void)region;
  cache_hits_total_.Add({}).Increment();
#endif
}

void MetricsService::RecordCacheMiss(const std::string& region) {
  cache_misses_total_.Add({{"region", region}}).Increment();
}

}  // namespace shop
