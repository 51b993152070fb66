#include "metrics/metrics_service.h"

#include "metrics/registry.h"

namespace shop {

MetricsService::MetricsService()
    : registry_(shop::metrics::DefaultRegistryPtr()),
      logins_total_(prometheus::BuildCounter()
                        .Name("logins_total")
                        .Help("Logins, by realm")
                        .Register(*registry_)) {
  sessions_expired_total_ = &prometheus::BuildCounter()
                                 .Name("sessions_expired_total")
                                 .Help("Sessions that timed out")
                                 .Register(*registry_)
                                 .Add({});
}

void MetricsService::RecordLogin(const std::string& realm) {
  logins_total_.Add({{"realm", realm}}).Increment();
}

void MetricsService::RecordSessionExpired() {
  sessions_expired_total_->Increment();
}

}  // namespace shop
