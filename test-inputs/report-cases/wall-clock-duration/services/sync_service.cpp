#include "services/sync_service.h"

namespace shop {

SyncService::SyncService(MetricsServiceProtocol& metrics) : metrics_(metrics) {}

void SyncService::FullSync() {
  const auto start = std::chrono::system_clock::now();
  Flush();
  const std::chrono::duration<double> elapsed =
      std::chrono::system_clock::now() - start;
  metrics_.RecordSyncDuration("full", elapsed.count());
}

void SyncService::PartialSync() {
  const auto start = std::chrono::steady_clock::now();
  Flush();
  const std::chrono::duration<double> elapsed =
      std::chrono::steady_clock::now() - start;
  metrics_.RecordSyncDuration("partial", elapsed.count());
}

void SyncService::Touch() { touched_ = std::chrono::system_clock::now(); }

void SyncService::Flush() { pending_.clear(); }

}  // namespace shop
