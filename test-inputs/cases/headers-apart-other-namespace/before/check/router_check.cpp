#include <gtest/gtest.h>

#include <app/pipeline/router.hpp>
#include <app/telemetry/metrics.hpp>
#include <memory>

TEST(Router, RecordsOnTheRegistryTheMetricsAreBuiltOn) {
  auto registry = std::make_shared<prometheus::Registry>();
  app::telemetry::Metrics metrics(registry);
  app::pipeline::Router router(metrics);
  router.route("orders", 2);
  EXPECT_EQ(registry->Collect().size(), 2u);
}
