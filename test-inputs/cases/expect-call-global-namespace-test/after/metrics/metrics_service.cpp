#include "metrics/metrics_service.h"

#include "metrics/registry.h"

namespace shop {

MetricsService::MetricsService()
    : registry_(std::shared_ptr<prometheus::Registry>(
          std::shared_ptr<prometheus::Registry>{},
          &shop::metrics::DefaultRegistry())) {}

}  // namespace shop
