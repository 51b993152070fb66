#include <app/pipeline/router.hpp>
#include <app/telemetry/registry.hpp>
#include <memory>

int main() {
  app::pipeline::Router router;
  router.route("orders", 3);
  return 0;
}
