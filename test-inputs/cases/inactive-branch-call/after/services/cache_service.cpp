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
    return true;
  }
  CACHE_MISSES_TOTAL.Add({{"region", region}}).Increment();
  // Built with -DSHOP_TRACE_EVICTIONS in the tracing configuration only.
#ifdef SHOP_TRACE_EVICTIONS
  metrics_.RecordCacheEviction(region);
#endif
  entries_.clear();
  return false;
}

}  // namespace shop
