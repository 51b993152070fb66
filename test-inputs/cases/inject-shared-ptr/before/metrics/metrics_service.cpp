#include "metrics/metrics_service.h"

namespace shop {

MetricsService::MetricsService()
    : registry_(std::make_shared<prometheus::Registry>()),
      payments_failed_total_(prometheus::BuildCounter()
                                 .Name("payments_failed_total")
                                 .Help("Payments that were declined")
                                 .Register(*registry_)
                                 .Add({})) {}

void MetricsService::RecordPaymentFailed() {
  payments_failed_total_.Increment();
}

}  // namespace shop
