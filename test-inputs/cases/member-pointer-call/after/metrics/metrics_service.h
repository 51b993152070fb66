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

  virtual void RecordPaymentAccepted(const std::string& method) = 0;
  virtual void RecordPaymentDeclined(const std::string& method) = 0;
  virtual void RecordRefund(int cents) = 0;
};

class MetricsService : public MetricsServiceProtocol {
 public:
  MetricsService();

  std::shared_ptr<prometheus::Registry> registry() const { return registry_; }

  void RecordPaymentAccepted(const std::string& method) override;
  void RecordPaymentDeclined(const std::string& method) override;
  void RecordRefund(int cents) override;

 private:
  std::shared_ptr<prometheus::Registry> registry_;
  prometheus::Family<prometheus::Counter>& payments_total_;
  prometheus::Family<prometheus::Counter>& refunded_cents_total_;
};

}  // namespace shop
