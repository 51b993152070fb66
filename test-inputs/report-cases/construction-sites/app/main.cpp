#include <memory>

#include "metrics/metrics_service.h"
#include "services/inventory_service.h"

// Builds an inventory wired to the given database and metrics.
#define MAKE_INVENTORY(db, metrics) \
  std::make_unique<shop::InventoryService>(db, metrics)

int main() {
  shop::MetricsService metrics;
  shop::Database db;
  auto inventory = MAKE_INVENTORY(db, metrics);
  inventory->AddStock("bolt", 3);
  return 0;
}
