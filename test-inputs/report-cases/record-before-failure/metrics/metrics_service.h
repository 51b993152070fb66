#pragma once

#include <prometheus/counter.h>
#include <prometheus/family.h>
#include <prometheus/registry.h>

#include <memory>
#include <string>

namespace shop {

class MetricsServiceProtocol {
 public:
  virtual ~MetricsServiceProtocol() = default;

  virtual void RecordOrder(const std::string& event) = 0;
};

class MetricsService : public MetricsServiceProtocol {
 public:
  MetricsService();

  std::shared_ptr<prometheus::Registry> registry() const { return registry_; }

  void RecordOrder(const std::string& event) override;

 private:
  std::shared_ptr<prometheus::Registry> registry_;
  prometheus::Family<prometheus::Counter>& orders_total_;
};

}  // namespace shop
