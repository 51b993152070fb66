#include "services/sync_service.h"

namespace shop {

SyncService::SyncService(MetricsServiceProtocol& metrics) : metrics_(metrics) {}

void SyncService::Sync(int attempts) {
  metrics_.RecordBatchRetried(attempts);
  metrics_.RecordPing(2);
  metrics_.RecordSyncDone("ok");
}

}  // namespace shop
