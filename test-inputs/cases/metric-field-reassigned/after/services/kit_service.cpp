#include "services/kit_service.h"

#include <prometheus/counter.h>
#include <prometheus/family.h>

#include "metrics/registry.h"

namespace shop {

prometheus::Counter& KITS_RESTORED_TOTAL =
    prometheus::BuildCounter()
        .Name("kits_restored_total")
        .Help("Kits restored")
        .Register(shop::metrics::DefaultRegistry())
        .Add({});

KitService::KitService(MetricsServiceProtocol& metrics) : metrics_(metrics) {}

void KitService::ArchiveKit(int kit_id) {
  if (archived_.insert(kit_id).second) {
    metrics_.RecordKitArchived();
  }
}

void KitService::RestoreKit(int kit_id) {
  if (archived_.erase(kit_id) > 0) {
    KITS_RESTORED_TOTAL.Increment();
  }
}

}  // namespace shop
