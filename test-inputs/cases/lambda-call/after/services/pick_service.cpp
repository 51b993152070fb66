#include "services/pick_service.h"

#include <prometheus/counter.h>
#include <prometheus/family.h>

#include <algorithm>

#include "metrics/registry.h"

namespace shop {

prometheus::Family<prometheus::Counter>& LINES_PICKED_TOTAL =
    prometheus::BuildCounter()
        .Name("lines_picked_total")
        .Help("Pick list lines picked, by outcome")
        .Register(shop::metrics::DefaultRegistry());

PickService::PickService() {}

int PickService::PickAll(const std::vector<PickLine>& lines) {
  auto pick = [](const PickLine& line) {
    const bool full = line.available >= line.wanted;
    LINES_PICKED_TOTAL.Add({{"outcome", full ? "full" : "short"}}).Increment();
    return full;
  };
  return static_cast<int>(std::count_if(lines.begin(), lines.end(), pick));
}

}  // namespace shop
