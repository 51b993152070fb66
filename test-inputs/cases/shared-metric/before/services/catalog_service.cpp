#include "services/catalog_service.h"

#include <algorithm>

namespace shop {

CatalogService::CatalogService(MetricsServiceProtocol& metrics)
    : metrics_(metrics) {}

int CatalogService::Price(const std::string& part) {
  metrics_.RecordPriceLookup("catalog");
  return prices_[part];
}

int CatalogService::CheapestOf(const std::string& a, const std::string& b) {
  metrics_.RecordPriceLookup("comparison");
  return std::min(prices_[a], prices_[b]);
}

}  // namespace shop
