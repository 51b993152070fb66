#include "services/inventory_service.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <stdexcept>

#include "tests/mock_metrics_service.h"
#include "tests/testing_utils.h"

namespace partshop {
namespace {

using testing_utils::MakeTestPart;
using testing_utils::MockMetricsService;
using testing_utils::StubMetricsService;

class InventoryServiceTest : public ::testing::Test {
 protected:
  StubMetricsService stub_;
  InventoryService inventory_{"RECEIVING", stub_};
};

TEST_F(InventoryServiceTest, RegisterPartUsesDefaultLocation) {
  inventory_.RegisterPart(MakeTestPart("R-1", 10, ""));
  auto part = inventory_.FindPart("R-1");
  ASSERT_TRUE(part.has_value());
  EXPECT_EQ(part->location, "RECEIVING");
}

TEST_F(InventoryServiceTest, RegisterPartRejectsEmptyPartNumber) {
  EXPECT_THROW(inventory_.RegisterPart(MakeTestPart("", 1)),
               std::invalid_argument);
}

TEST_F(InventoryServiceTest, AddAndRemoveStockUpdateQuantity) {
  inventory_.RegisterPart(MakeTestPart("R-1", 10));
  EXPECT_EQ(inventory_.AddStock("R-1", 5), 15);
  EXPECT_EQ(inventory_.RemoveStock("R-1", 12), 3);
  EXPECT_EQ(inventory_.QuantityOf("R-1"), 3);
}

TEST_F(InventoryServiceTest, RemoveStockThrowsWhenInsufficient) {
  inventory_.RegisterPart(MakeTestPart("R-1", 2));
  EXPECT_THROW(inventory_.RemoveStock("R-1", 3), std::runtime_error);
  EXPECT_EQ(inventory_.QuantityOf("R-1"), 2);
}

TEST_F(InventoryServiceTest, AdjustAndMoveStock) {
  inventory_.RegisterPart(MakeTestPart("R-1", 2, "A1"));
  EXPECT_EQ(inventory_.AdjustStock("R-1", 40), 40);
  inventory_.MoveStock("R-1", "B7");
  EXPECT_EQ(inventory_.FindPart("R-1")->location, "B7");
  EXPECT_THROW(inventory_.MoveStock("NOPE", "B7"), std::out_of_range);
}

TEST_F(InventoryServiceTest, AggregatesForDashboard) {
  inventory_.RegisterPart(MakeTestPart("R-1", 100, "A1", "r", "Resistors"));
  inventory_.RegisterPart(MakeTestPart("R-2", 1, "A1", "r", "Resistors"));
  inventory_.RegisterPart(MakeTestPart("C-1", 2, "A2", "c", "Capacitors"));
  EXPECT_EQ(inventory_.TotalQuantity(), 103);
  EXPECT_EQ(inventory_.LowStockCount(), 2);
  EXPECT_EQ(inventory_.LocationCount(), 2);
  EXPECT_EQ(inventory_.CategoryCount(), 2);
  EXPECT_EQ(inventory_.PartsWithoutDocuments(), 3);
  EXPECT_FALSE(inventory_.TryConsume("C-1", 5));
  EXPECT_TRUE(inventory_.TryConsume("C-1", 2));
  EXPECT_EQ(inventory_.ChangeCount(), 1);
}

TEST(InventoryServiceMetricsTest, AddStockRecordsQuantityChange) {
  ::testing::StrictMock<MockMetricsService> metrics;
  InventoryService inventory("RECEIVING", metrics);
  inventory.RegisterPart(MakeTestPart("R-1", 10));

  EXPECT_CALL(metrics, RecordQuantityChange("add", 5)).Times(1);
  inventory.AddStock("R-1", 5);
}

TEST(InventoryServiceMetricsTest, RemoveStockRecordsChangeBeforeCheck) {
  ::testing::StrictMock<MockMetricsService> metrics;
  InventoryService inventory("RECEIVING", metrics);
  inventory.RegisterPart(MakeTestPart("R-1", 3));

  EXPECT_CALL(metrics, RecordQuantityChange("remove", 10)).Times(1);
  EXPECT_THROW(inventory.RemoveStock("R-1", 10), std::runtime_error);
}

TEST(InventoryServiceMetricsTest, FindPartRecordsEveryLookup) {
  ::testing::StrictMock<MockMetricsService> metrics;
  InventoryService inventory("RECEIVING", metrics);
  inventory.RegisterPart(MakeTestPart("R-1", 3));

  EXPECT_CALL(metrics, RecordPartLookup("R-1")).Times(2);
  inventory.FindPart("R-1");
  inventory.FindPart("R-1");
}

}  // namespace
}  // namespace partshop
