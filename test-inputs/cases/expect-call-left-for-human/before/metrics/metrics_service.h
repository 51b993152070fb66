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

  virtual void RecordOrderPlaced(const std::string& channel) = 0;
  virtual void RecordPaymentFailure() = 0;
};

class MetricsService : public MetricsServiceProtocol {
 public:
  MetricsService();

  std::shared_ptr<prometheus::Registry> registry() const { return registry_; }

  void RecordOrderPlaced(const std::string& channel) override;
  void RecordPaymentFailure() override;

 private:
  std::shared_ptr<prometheus::Registry> registry_;
  prometheus::Family<prometheus::Counter>& orders_placed_total_;
  prometheus::Counter& payment_failures_total_;
};

}  // namespace shop
