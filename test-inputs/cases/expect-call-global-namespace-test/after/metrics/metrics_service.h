#pragma once

#include <prometheus/registry.h>

#include <memory>
#include <string>

namespace shop {

class MetricsService {
 public:
  MetricsService();

  std::shared_ptr<prometheus::Registry> registry() const { return registry_; }

 private:
  std::shared_ptr<prometheus::Registry> registry_;
};

}  // namespace shop
