#include "services/kit_service.h"

#include <prometheus/counter.h>
#include <prometheus/family.h>

#include "metrics/registry.h"

namespace shop {

prometheus::Counter& KITS_ARCHIVED_TOTAL =
    prometheus::BuildCounter()
        .Name("kits_archived_total")
        .Help("Kits archived")
        .Register(shop::metrics::DefaultRegistry())
        .Add({});

KitService::KitService() {}

void KitService::ArchiveKit(int kit_id) {
  if (archived_.insert(kit_id).second) {
    KITS_ARCHIVED_TOTAL.Increment();
  }
}

}  // namespace shop
