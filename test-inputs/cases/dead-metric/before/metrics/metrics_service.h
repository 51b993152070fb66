#pragma once

#include <prometheus/counter.h>
#include <prometheus/family.h>
#include <prometheus/registry.h>

#include <memory>

namespace shop {

class MetricsServiceProtocol {
 public:
  virtual ~MetricsServiceProtocol() = default;

  virtual void RecordOrderShipped() = 0;
  virtual void RecordLegacyExport() = 0;
};

class MetricsService : public MetricsServiceProtocol {
 public:
  MetricsService();

  std::shared_ptr<prometheus::Registry> registry() const { return registry_; }

  void RecordOrderShipped() override;
  void RecordLegacyExport() override;

 private:
  std::shared_ptr<prometheus::Registry> registry_;
  prometheus::Counter& orders_shipped_total_;
  prometheus::Counter& legacy_exports_total_;
};

}  // namespace shop
