#include "metrics/metrics_service.h"

#include "metrics/registry.h"

namespace shop {

MetricsService::MetricsService()
    : registry_(shop::metrics::DefaultRegistryPtr()) {}

}  // namespace shop
