#include "services/cache_service.h"

#include <prometheus/counter.h>
#include <prometheus/family.h>

#include "metrics/registry.h"

namespace shop {

prometheus::Family<prometheus::Counter>& CACHE_MISSES_TOTAL =
    prometheus::BuildCounter()
        .Name("cache_misses_total")
        .Help("Cache misses, by region")
        .Register(shop::metrics::DefaultRegistry());

CacheService::CacheService(MetricsServiceProtocol& metrics)
    : metrics_(metrics) {}

bool CacheService::Lookup(const std::string& region, const std::string& key) {
  if (entries_.count(key) > 0) {
    metrics_.RecordCacheHit(region);
    return true;
  }
#if SHOP_COUNT_MISSES
  CACHE_MISSES_TOTAL.Add({{"region", region}}).Increment();
#else
  entries_.clear();
#endif
  return false;
}

}  // namespace shop
