#include "services/pick_list_service.h"

namespace shop {

PickListService::PickListService(MetricsServiceProtocol& metrics)
    : metrics_(metrics) {}

int PickListService::Create(const std::vector<std::string>& parts) {
  lists_.push_back(parts);
  metrics_.RecordPickListCreated(static_cast<int>(parts.size()));
  return static_cast<int>(lists_.size()) - 1;
}

}  // namespace shop
