#include "services/kit_service.h"

namespace shop {

KitService::KitService(MetricsServiceProtocol& metrics) : metrics_(metrics) {}

void KitService::CreateKit(int kit_id) {
  archived_.erase(kit_id);
  metrics_.RecordKitCreated();
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
