#include "api/metrics_api.h"

#include <prometheus/text_serializer.h>

namespace partshop {

std::string HandleGetMetrics(const MetricsService& metrics) {
  return prometheus::TextSerializer().Serialize(metrics.registry()->Collect());
}

}  // namespace partshop
