#include "metrics/metrics_service.h"

namespace shop {

MetricsService::MetricsService()
    : registry_(std::make_shared<prometheus::Registry>()),
      orders_shipped_total_(prometheus::BuildCounter()
                                .Name("orders_shipped_total")
                                .Help("Orders shipped")
                                .Register(*registry_)
                                .Add({})) {}

void MetricsService::RecordOrderShipped() { orders_shipped_total_.Increment(); }

}  // namespace shop
