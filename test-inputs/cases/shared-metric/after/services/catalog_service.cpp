#include "services/catalog_service.h"

#include <prometheus/counter.h>
#include <prometheus/family.h>

#include <algorithm>

#include "metrics/registry.h"

namespace shop {

prometheus::Family<prometheus::Counter>& PRICE_LOOKUPS_TOTAL =
    prometheus::BuildCounter()
        .Name("price_lookups_total")
        .Help("Price lookups, by source")
        .Register(shop::metrics::DefaultRegistry());

CatalogService::CatalogService() {}

int CatalogService::Price(const std::string& part) {
  PRICE_LOOKUPS_TOTAL.Add({{"source", "catalog"}}).Increment();
  return prices_[part];
}

int CatalogService::CheapestOf(const std::string& a, const std::string& b) {
  PRICE_LOOKUPS_TOTAL.Add({{"source", "comparison"}}).Increment();
  return std::min(prices_[a], prices_[b]);
}

}  // namespace shop
