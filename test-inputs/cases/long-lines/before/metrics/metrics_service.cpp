#include "metrics/metrics_service.h"

namespace shop {

MetricsService::MetricsService()
    : registry_(std::make_shared<prometheus::Registry>()),
      checkouts_total_(
          prometheus::BuildCounter()
              .Name("checkouts_total")
              .Help("Checkouts, by every dimension marketing asked for")
              .Register(*registry_)) {}

void MetricsService::RecordCheckout(
    const std::string& region, const std::string& store,
    const std::string& channel, const std::string& device,
    const std::string& country, const std::string& currency,
    const std::string& campaign, const std::string& variant,
    const std::string& cohort, const std::string& tier) {
  checkouts_total_
      .Add({{"region", region},
            {"store", store},
            {"channel", channel},
            {"device", device},
            {"country", country},
            {"currency", currency},
            {"campaign", campaign},
            {"variant", variant},
            {"cohort", cohort},
            {"tier", tier}})
      .Increment();
}

}  // namespace shop
