#include <memory>

#include <prometheus/registry.h>

#include "net/link.h"

int main() {
  auto metrics = std::make_shared<relay::Metrics>(std::make_shared<prometheus::Registry>());
  relay::Link link("east", metrics);
  link.on_frame("data");
  link.on_batch(3);
  link.on_idle();
}
