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

  virtual void RecordKitArchived() = 0;
  virtual void RecordKitRestored() = 0;
};

class MetricsService : public MetricsServiceProtocol {
 public:
  MetricsService();

  std::shared_ptr<prometheus::Registry> registry() const { return registry_; }

  void RecordKitArchived() override;
  void RecordKitRestored() override;

  // Starts a new archive epoch: archived kits are counted from zero again,
  // under a new label value.
  void StartEpoch(const std::string& epoch);
  // Restores are not counted until the service is built again.
  void PauseRestores();

 private:
  std::shared_ptr<prometheus::Registry> registry_;
  prometheus::Family<prometheus::Counter>* kits_archived_family_ = nullptr;
  prometheus::Counter* kits_archived_total_ = nullptr;
  prometheus::Counter* kits_restored_total_ = nullptr;
};

}  // namespace shop
