#include "app/config.h"
#include "services/inventory_service.h"

#ifdef SHOP_WITH_METRICS
#include "metrics/metrics_service.h"
#endif

int main() {
  shop::Database db;
#ifdef SHOP_WITH_METRICS
  shop::MetricsService metrics;
  shop::InventoryService inventory(db, metrics);
  inventory.AddStock("bolt", 3);
#endif
  return 0;
}
