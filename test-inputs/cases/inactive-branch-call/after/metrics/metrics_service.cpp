#include "metrics/metrics_service.h"

#include "metrics/registry.h"

namespace shop {

MetricsService::MetricsService()
    : registry_(shop::metrics::DefaultRegistryPtr()),
      cache_evictions_total_(prometheus::BuildCounter()
                                 .Name("cache_evictions_total")
                                 .Help("Cache evictions, by region")
                                 .Register(*registry_)) {}

void MetricsService::RecordCacheEviction(const std::string& region) {
  cache_evictions_total_.Add({{"region", region}}).Increment();
}

}  // namespace shop
