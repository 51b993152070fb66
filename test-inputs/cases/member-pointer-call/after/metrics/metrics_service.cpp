#include "metrics/metrics_service.h"

#include "metrics/registry.h"

namespace shop {

MetricsService::MetricsService()
    : registry_(shop::metrics::DefaultRegistryPtr()),
      payments_total_(prometheus::BuildCounter()
                          .Name("payments_total")
                          .Help("Payments, by method and outcome")
                          .Register(*registry_)),
      refunded_cents_total_(prometheus::BuildCounter()
                                .Name("refunded_cents_total")
                                .Help("Money refunded")
                                .Register(*registry_)) {}

void MetricsService::RecordPaymentAccepted(const std::string& method) {
  payments_total_.Add({{"method", method}, {"outcome", "accepted"}})
      .Increment();
}

void MetricsService::RecordPaymentDeclined(const std::string& method) {
  payments_total_.Add({{"method", method}, {"outcome", "declined"}})
      .Increment();
}

void MetricsService::RecordRefund(int cents) {
  refunded_cents_total_.Add({}).Increment(cents);
}

}  // namespace shop
