#include "metrics/metrics_service.h"

namespace shop {

MetricsService::MetricsService()
    : registry_(std::make_shared<prometheus::Registry>()),
      price_lookups_total_(prometheus::BuildCounter()
                               .Name("price_lookups_total")
                               .Help("Price lookups, by source")
                               .Register(*registry_)) {}

void MetricsService::RecordPriceLookup(const std::string& source) {
  price_lookups_total_.Add({{"source", source}}).Increment();
}

}  // namespace shop
