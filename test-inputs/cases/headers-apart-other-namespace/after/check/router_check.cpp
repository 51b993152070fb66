#include <gtest/gtest.h>

#include <app/pipeline/router.hpp>
#include <app/telemetry/registry.hpp>
#include <memory>

TEST(Router, RecordsOnTheRegistryTheMetricsAreBuiltOn) {
  auto registry = std::shared_ptr<prometheus::Registry>(
      &app::metricsRegistry(), [](prometheus::Registry*) {});
  app::pipeline::Router router;
  router.route("orders", 2);
}
