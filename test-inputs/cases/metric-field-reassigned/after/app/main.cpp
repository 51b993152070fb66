#include "metrics/metrics_service.h"
#include "services/kit_service.h"

int main() {
  shop::MetricsService metrics;
  shop::KitService kits(metrics);
  kits.ArchiveKit(1);
  metrics.StartEpoch("1");
  kits.ArchiveKit(2);
  kits.RestoreKit(2);
  metrics.PauseRestores();
  kits.RestoreKit(1);
  return 0;
}
