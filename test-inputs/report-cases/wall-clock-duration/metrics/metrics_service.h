#pragma once

#include <prometheus/family.h>
#include <prometheus/histogram.h>
#include <prometheus/registry.h>

#include <memory>
#include <string>

namespace shop {

class MetricsServiceProtocol {
 public:
  virtual ~MetricsServiceProtocol() = default;

  virtual void RecordSyncDuration(const std::string& mode, double seconds) = 0;
};

class MetricsService : public MetricsServiceProtocol {
 public:
  MetricsService();

  std::shared_ptr<prometheus::Registry> registry() const { return registry_; }

  void RecordSyncDuration(const std::string& mode, double seconds) override;

 private:
  std::shared_ptr<prometheus::Registry> registry_;
  prometheus::Family<prometheus::Histogram>& sync_duration_seconds_;
};

}  // namespace shop
