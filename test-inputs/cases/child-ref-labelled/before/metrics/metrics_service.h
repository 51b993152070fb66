#pragma once

#include <prometheus/family.h>
#include <prometheus/gauge.h>
#include <prometheus/registry.h>

#include <memory>

namespace shop {

class MetricsServiceProtocol {
 public:
  virtual ~MetricsServiceProtocol() = default;

  virtual void SetOpenCarts(int count) = 0;
};

class MetricsService : public MetricsServiceProtocol {
 public:
  MetricsService();

  std::shared_ptr<prometheus::Registry> registry() const { return registry_; }

  void SetOpenCarts(int count) override;

 private:
  std::shared_ptr<prometheus::Registry> registry_;
  prometheus::Gauge& carts_open_;
};

}  // namespace shop
