#pragma once

#include <string>

#include "metrics/metrics_service.h"

namespace partshop {

// GET /metrics: Prometheus text exposition format.
std::string HandleGetMetrics(const MetricsService& metrics);

}  // namespace partshop
