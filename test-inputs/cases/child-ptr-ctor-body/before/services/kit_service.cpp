#include "services/kit_service.h"

namespace shop {

KitService::KitService(MetricsServiceProtocol& metrics) : metrics_(metrics) {}

void KitService::ArchiveKit(int kit_id) {
  if (archived_.insert(kit_id).second) {
    metrics_.RecordKitArchived();
  }
}

}  // namespace shop
