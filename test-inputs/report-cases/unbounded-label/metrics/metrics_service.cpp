#include "metrics/metrics_service.h"

namespace shop {

MetricsService::MetricsService()
    : registry_(std::make_shared<prometheus::Registry>()),
      logins_total_(prometheus::BuildCounter()
                        .Name("logins_total")
                        .Help("Logins, by user")
                        .Register(*registry_)) {}

void MetricsService::RecordLogin(const std::string& user) {
  logins_total_.Add({{"user", user}}).Increment();
}

}  // namespace shop
