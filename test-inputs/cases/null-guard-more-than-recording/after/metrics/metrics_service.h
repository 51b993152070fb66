#pragma once

#include <prometheus/registry.h>

#include <memory>
#include <string>

namespace shop {

class MetricsServiceProtocol {
 public:
  virtual ~MetricsServiceProtocol() = default;
};

class MetricsService : public MetricsServiceProtocol {
 public:
  MetricsService();

  std::shared_ptr<prometheus::Registry> registry() const { return registry_; }

 private:
  std::shared_ptr<prometheus::Registry> registry_;
};

}  // namespace shop
