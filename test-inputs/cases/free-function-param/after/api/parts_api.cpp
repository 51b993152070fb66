#include "api/parts_api.h"

#include <prometheus/counter.h>
#include <prometheus/family.h>

#include "metrics/registry.h"

namespace shop {

prometheus::Family<prometheus::Counter>& PARTS_API_REQUESTS_TOTAL =
    prometheus::BuildCounter()
        .Name("parts_api_requests_total")
        .Help("Parts API requests, by endpoint and status")
        .Register(shop::metrics::DefaultRegistry());

int HandleGetPart(const Inventory& inventory, const std::string& part) {
  auto it = inventory.find(part);
  if (it == inventory.end()) {
    PARTS_API_REQUESTS_TOTAL
        .Add({{"endpoint", "get_part"}, {"status", "not_found"}})
        .Increment();
    return -1;
  }
  PARTS_API_REQUESTS_TOTAL.Add({{"endpoint", "get_part"}, {"status", "ok"}})
      .Increment();
  return it->second;
}

}  // namespace shop
