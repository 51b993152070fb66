#include "services/dashboard_service.h"

namespace partshop {

DashboardService::DashboardService(const InventoryService& inventory,
                                   const KitService& kits)
    : inventory_(inventory), kits_(kits) {}

DashboardSnapshot DashboardService::GetSnapshot() const {
  DashboardSnapshot snapshot;
  snapshot.total_parts = static_cast<int>(inventory_.ListParts().size());
  snapshot.total_quantity = inventory_.TotalQuantity();
  snapshot.low_stock_parts = inventory_.LowStockCount();
  snapshot.active_kits = kits_.ActiveKitCount();
  snapshot.storage_locations = inventory_.LocationCount();
  snapshot.parts_without_documents = inventory_.PartsWithoutDocuments();
  snapshot.recent_quantity_changes = inventory_.ChangeCount();
  snapshot.part_categories = inventory_.CategoryCount();
  return snapshot;
}

}  // namespace partshop
