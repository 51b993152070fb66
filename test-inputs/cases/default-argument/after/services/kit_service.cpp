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

KitService::KitService() {}

int KitService::CreateKit(const std::string& name) {
  kits_.push_back(name);
  KITS_CREATED_TOTAL.Increment(1);
  return static_cast<int>(kits_.size()) - 1;
}

void KitService::CreateKits(const std::string& prefix, int count) {
  for (int i = 0; i < count; ++i) {
    kits_.push_back(prefix + std::to_string(i));
  }
  KITS_CREATED_TOTAL.Increment(count);
}

}  // namespace shop
