#pragma once

#include <prometheus/registry.h>

#include <cstddef>
#include <memory>
#include <string>

namespace app::telemetry {

class Metrics {
 public:
  explicit Metrics(std::shared_ptr<prometheus::Registry> registry);

 private:
  std::shared_ptr<prometheus::Registry> m_registry;
};

}  // namespace app::telemetry
