#pragma once

#include "metrics/dashboard_snapshot.h"
#include "services/inventory_service.h"
#include "services/kit_service.h"

namespace partshop {

// Computes the aggregate numbers shown on the dashboard page.
class DashboardService {
 public:
  DashboardService(const InventoryService& inventory, const KitService& kits);

  DashboardSnapshot GetSnapshot() const;

 private:
  const InventoryService& inventory_;
  const KitService& kits_;
};

}  // namespace partshop
