#pragma once

namespace partshop {

// Point-in-time aggregate of the inventory, published as dashboard_* gauges.
struct DashboardSnapshot {
  int total_parts = 0;
  int total_quantity = 0;
  int low_stock_parts = 0;
  int active_kits = 0;
  int storage_locations = 0;
  int parts_without_documents = 0;
  int recent_quantity_changes = 0;
  int part_categories = 0;
};

}  // namespace partshop
