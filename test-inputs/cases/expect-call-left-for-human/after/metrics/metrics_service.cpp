#include "metrics/metrics_service.h"

#include "metrics/registry.h"

namespace shop {

MetricsService::MetricsService()
    : registry_(shop::metrics::DefaultRegistryPtr()),
      payment_failures_total_(prometheus::BuildCounter()
                                  .Name("payment_failures_total")
                                  .Help("Failed payment attempts")
                                  .Register(*registry_)
                                  .Add({})) {}

void MetricsService::RecordPaymentFailure() {
  payment_failures_total_.Increment();
}

}  // namespace shop
