#include "services/cache_service.h"

namespace shop {

CacheService::CacheService(MetricsServiceProtocol& metrics)
    : metrics_(metrics) {}

bool CacheService::Lookup(const std::string& region, const std::string& key) {
  if (entries_.count(key) > 0) {
    metrics_.RecordCacheHit(region);
    return true;
  }
#if SHOP_COUNT_MISSES
  metrics_.RecordCacheMiss(region);
#else
  entries_.clear();
#endif
  return false;
}

}  // namespace shop
