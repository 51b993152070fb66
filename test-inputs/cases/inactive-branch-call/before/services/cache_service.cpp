#include "services/cache_service.h"

namespace shop {

CacheService::CacheService(MetricsServiceProtocol& metrics)
    : metrics_(metrics) {}

bool CacheService::Lookup(const std::string& region, const std::string& key) {
  if (entries_.count(key) > 0) {
    return true;
  }
  metrics_.RecordCacheMiss(region);
  // Built with -DSHOP_TRACE_EVICTIONS in the tracing configuration only.
#ifdef SHOP_TRACE_EVICTIONS
  metrics_.RecordCacheEviction(region);
#endif
  entries_.clear();
  return false;
}

}  // namespace shop
