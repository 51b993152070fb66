#include "services/kit_service.h"

namespace shop {

KitService::KitService(MetricsServiceProtocol& metrics) : metrics_(metrics) {}

int KitService::CreateKit(const std::string& name) {
  kits_.push_back(name);
  metrics_.RecordKitCreated();
  return static_cast<int>(kits_.size()) - 1;
}

void KitService::CreateKits(const std::string& prefix, int count) {
  for (int i = 0; i < count; ++i) {
    kits_.push_back(prefix + std::to_string(i));
  }
  metrics_.RecordKitCreated(count);
}

}  // namespace shop
