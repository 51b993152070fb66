#include "services/price_cache.h"

#include <prometheus/counter.h>
#include <prometheus/family.h>

#include "metrics/registry.h"

namespace shop {

prometheus::Counter& PRICE_CACHE_HITS_TOTAL =
    prometheus::BuildCounter()
        .Name("price_cache_hits_total")
        .Help("Prices served from the cache")
        .Register(shop::metrics::DefaultRegistry())
        .Add({});

void PriceCache::Store(const std::string& part, int cents) {
  prices_[part] = cents;
}

}  // namespace shop
