#include "services/kit_service.h"

#include <prometheus/counter.h>
#include <prometheus/family.h>

#include <utility>

#include "metrics/registry.h"

namespace shop {

prometheus::Family<prometheus::Counter>& KITS_BUILT_TOTAL =
    prometheus::BuildCounter()
        .Name("kits_built_total")
        .Help("Kits built, by production line")
        .Register(shop::metrics::DefaultRegistry());

KitService::KitService(std::string line) : line_(std::move(line)) {}

void KitService::Build() {
  KITS_BUILT_TOTAL.Add({{"line", line_}}).Increment();
}

}  // namespace shop
