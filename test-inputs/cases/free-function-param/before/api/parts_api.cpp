#include "api/parts_api.h"

namespace shop {

int HandleGetPart(const Inventory& inventory, MetricsServiceProtocol& metrics,
                  const std::string& part) {
  auto it = inventory.find(part);
  if (it == inventory.end()) {
    metrics.RecordPartsApiRequest("get_part", "not_found");
    return -1;
  }
  metrics.RecordPartsApiRequest("get_part", "ok");
  return it->second;
}

}  // namespace shop
