#include "services/kit_service.h"

#include <prometheus/counter.h>
#include <prometheus/family.h>

#include "metrics/registry.h"

namespace shop {

prometheus::Counter& KITS_CREATED_TOTAL =
    prometheus::BuildCounter()
        .Name("kits_created_total")
        .Help("Kits created")
        .Register(shop::metrics::DefaultRegistry())
        .Add({});

KitService::KitService(MetricsServiceProtocol& metrics) : metrics_(metrics) {}

void KitService::CreateKit(int kit_id) {
  archived_.erase(kit_id);
  KITS_CREATED_TOTAL.Increment();
}

void KitService::ArchiveKit(int kit_id) {
  if (archived_.insert(kit_id).second) {
    metrics_.RecordKitArchived();
  }
}

void KitService::RestoreKit(int kit_id) {
  if (archived_.erase(kit_id) > 0) {
    metrics_.RecordKitRestored();
  }
}

}  // namespace shop
