#include "metrics/metrics_service.h"

namespace shop {

MetricsService::MetricsService()
    : registry_(std::make_shared<prometheus::Registry>()) {
  orders_shipped_total_ = &prometheus::BuildCounter()
                               .Name("orders_shipped_total")
                               .Help("Orders shipped, by carrier")
                               .Register(*registry_);
}

void MetricsService::RecordOrderShipped(const std::string& carrier) {
  orders_shipped_total_->Add({{"carrier", carrier}}).Increment();
}

}  // namespace shop
