#include "metrics/metrics_service.h"

namespace shop {

MetricsService::MetricsService()
    : registry_(std::make_shared<prometheus::Registry>()),
      cache_misses_total_(prometheus::BuildCounter()
                              .Name("cache_misses_total")
                              .Help("Cache misses, by region")
                              .Register(*registry_)),
      cache_evictions_total_(prometheus::BuildCounter()
                                 .Name("cache_evictions_total")
                                 .Help("Cache evictions, by region")
                                 .Register(*registry_)) {}

void MetricsService::RecordCacheMiss(const std::string& region) {
  cache_misses_total_.Add({{"region", region}}).Increment();
}

void MetricsService::RecordCacheEviction(const std::string& region) {
  cache_evictions_total_.Add({{"region", region}}).Increment();
}

}  // namespace shop
