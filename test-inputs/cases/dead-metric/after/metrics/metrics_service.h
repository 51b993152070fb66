#pragma once

#include <prometheus/counter.h>
#include <prometheus/family.h>
#include <prometheus/registry.h>

#include <memory>

namespace shop {

class MetricsService {
 public:
  MetricsService();

  std::shared_ptr<prometheus::Registry> registry() const { return registry_; }

  void RecordLegacyExport();

 private:
  std::shared_ptr<prometheus::Registry> registry_;
  prometheus::Counter& legacy_exports_total_;
};

}  // namespace shop
