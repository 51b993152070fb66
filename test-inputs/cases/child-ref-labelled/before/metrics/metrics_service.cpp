#include "metrics/metrics_service.h"

namespace shop {

MetricsService::MetricsService()
    : registry_(std::make_shared<prometheus::Registry>()),
      carts_open_(prometheus::BuildGauge()
                      .Name("carts_open")
                      .Help("Shopping carts currently open, by store")
                      .Register(*registry_)
                      .Add({{"store", "web"}})) {}

void MetricsService::SetOpenCarts(int count) { carts_open_.Set(count); }

}  // namespace shop
