#include "services/dashboard_service.h"

#include <gtest/gtest.h>

#include "tests/testing_utils.h"

namespace partshop {
namespace {

using testing_utils::MakeTestPart;
using testing_utils::StubMetricsService;

TEST(DashboardServiceTest, EmptyInventoryGivesZeroSnapshot) {
  StubMetricsService stub;
  InventoryService inventory("RECEIVING", stub);
  KitService kits(inventory, stub);
  DashboardSnapshot snapshot = DashboardService(inventory, kits).GetSnapshot();
  EXPECT_EQ(snapshot.total_parts, 0);
  EXPECT_EQ(snapshot.total_quantity, 0);
  EXPECT_EQ(snapshot.active_kits, 0);
}

TEST(DashboardServiceTest, SnapshotAggregatesInventoryAndKits) {
  StubMetricsService stub;
  InventoryService inventory("RECEIVING", stub);
  KitService kits(inventory, stub);
  inventory.RegisterPart(MakeTestPart("R-1", 100, "A1", "r", "Resistors"));
  inventory.RegisterPart(MakeTestPart("C-1", 2, "A2", "c", "Capacitors"));
  inventory.AddStock("C-1", 1);
  kits.CreateKit("Amp", 1);

  DashboardSnapshot snapshot = DashboardService(inventory, kits).GetSnapshot();
  EXPECT_EQ(snapshot.total_parts, 2);
  EXPECT_EQ(snapshot.total_quantity, 103);
  EXPECT_EQ(snapshot.low_stock_parts, 1);
  EXPECT_EQ(snapshot.active_kits, 1);
  EXPECT_EQ(snapshot.storage_locations, 2);
  EXPECT_EQ(snapshot.parts_without_documents, 2);
  EXPECT_EQ(snapshot.recent_quantity_changes, 1);
  EXPECT_EQ(snapshot.part_categories, 2);
}

}  // namespace
}  // namespace partshop
