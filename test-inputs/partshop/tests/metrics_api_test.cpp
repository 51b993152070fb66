#include "api/metrics_api.h"

#include <gtest/gtest.h>

#include <string>

namespace partshop {
namespace {

TEST(MetricsApiTest, ExposesRecordedValuesInTextFormat) {
  MetricsService metrics;
  metrics.RecordQuantityChange("add", 7);

  const std::string text = HandleGetMetrics(metrics);
  EXPECT_NE(text.find("# TYPE inventory_quantity_changes_total counter"),
            std::string::npos);
  EXPECT_NE(text.find("inventory_quantity_changes_total{operation=\"add\"} 7"),
            std::string::npos);
  EXPECT_NE(text.find("# TYPE dashboard_total_parts gauge"), std::string::npos);
}

}  // namespace
}  // namespace partshop
