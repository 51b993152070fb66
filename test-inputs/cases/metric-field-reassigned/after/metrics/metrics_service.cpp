#include "metrics/metrics_service.h"

#include "metrics/registry.h"

namespace shop {

MetricsService::MetricsService()
    : registry_(shop::metrics::DefaultRegistryPtr()) {
  kits_archived_family_ = &prometheus::BuildCounter()
                               .Name("kits_archived_total")
                               .Help("Kits archived, by epoch")
                               .Register(*registry_);
  kits_archived_total_ = &kits_archived_family_->Add({{"epoch", "0"}});
  kits_restored_total_ = &prometheus::BuildCounter()
                              .Name("kits_restored_total")
                              .Help("Kits restored")
                              .Register(*registry_)
                              .Add({});
}

void MetricsService::RecordKitArchived() { kits_archived_total_->Increment(); }

void MetricsService::RecordKitRestored() {
  if (kits_restored_total_ != nullptr) {
    kits_restored_total_->Increment();
  }
}

void MetricsService::StartEpoch(const std::string& epoch) {
  kits_archived_total_ = &kits_archived_family_->Add({{"epoch", epoch}});
}

void MetricsService::PauseRestores() { kits_restored_total_ = nullptr; }

}  // namespace shop
