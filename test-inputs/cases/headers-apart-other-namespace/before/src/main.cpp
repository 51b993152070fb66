#include <app/pipeline/router.hpp>
#include <app/telemetry/metrics.hpp>
#include <app/telemetry/registry.hpp>
#include <memory>

int main() {
  app::telemetry::Metrics metrics(std::shared_ptr<prometheus::Registry>(
      std::shared_ptr<prometheus::Registry>{}, &app::metricsRegistry()));
  app::pipeline::Router router(metrics);
  router.route("orders", 3);
  return 0;
}
