#pragma once

#include <prometheus/counter.h>
#include <prometheus/family.h>
#include <prometheus/registry.h>

#include <memory>

namespace shop {

class MetricsServiceProtocol {
 public:
  virtual ~MetricsServiceProtocol() = default;

  virtual void RecordKitArchived() = 0;
};

class MetricsService : public MetricsServiceProtocol {
 public:
  MetricsService();

  std::shared_ptr<prometheus::Registry> registry() const { return registry_; }

  void RecordKitArchived() override;

 private:
  std::shared_ptr<prometheus::Registry> registry_;
  prometheus::Counter* kits_archived_total_ = nullptr;
};

}  // namespace shop
