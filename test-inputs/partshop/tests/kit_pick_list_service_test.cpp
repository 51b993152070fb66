#include "services/kit_pick_list_service.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <memory>
#include <stdexcept>

#include "tests/mock_metrics_service.h"
#include "tests/testing_utils.h"

namespace partshop {
namespace {

using testing_utils::MakeTestPart;
using testing_utils::MockMetricsService;
using testing_utils::StubMetricsService;

class KitPickListServiceTest : public ::testing::Test {
 protected:
  void SetUp() override {
    inventory_.RegisterPart(MakeTestPart("R-1", 100, "A1"));
    inventory_.RegisterPart(MakeTestPart("C-1", 50, "B2"));
    kit_id_ = kits_.CreateKit("Amp", 1);
    kits_.AddContent(kit_id_, "R-1", 4);
    kits_.AddContent(kit_id_, "C-1", 2);
  }

  StubMetricsService stub_;
  InventoryService inventory_{"RECEIVING", stub_};
  KitService kits_{inventory_, stub_};
  int kit_id_ = 0;
};

TEST_F(KitPickListServiceTest, CreatePickListScalesQuantitiesAndUsesLocations) {
  KitPickListService service(kits_, inventory_,
                             std::make_shared<StubMetricsService>());
  const int id = service.CreatePickList(kit_id_, 3);

  const PickList* pick_list = service.GetPickList(id);
  ASSERT_NE(pick_list, nullptr);
  ASSERT_EQ(pick_list->lines.size(), 2u);
  EXPECT_EQ(pick_list->lines[0].quantity, 12);
  EXPECT_EQ(pick_list->lines[0].location, "A1");
  EXPECT_EQ(pick_list->lines[1].location, "B2");
}

TEST_F(KitPickListServiceTest, CreatePickListRejectsUnknownKit) {
  KitPickListService service(kits_, inventory_,
                             std::make_shared<StubMetricsService>());
  EXPECT_THROW(service.CreatePickList(42, 1), std::out_of_range);
  EXPECT_THROW(service.CreatePickList(kit_id_, 0), std::invalid_argument);
}

TEST_F(KitPickListServiceTest, PickAndUndoMoveStock) {
  KitPickListService service(kits_, inventory_,
                             std::make_shared<StubMetricsService>());
  const int id = service.CreatePickList(kit_id_, 2);

  service.PickLine(id, 0);
  EXPECT_EQ(inventory_.QuantityOf("R-1"), 92);
  EXPECT_TRUE(service.GetPickList(id)->lines[0].picked);

  service.UndoLine(id, 0);
  EXPECT_EQ(inventory_.QuantityOf("R-1"), 100);
  EXPECT_FALSE(service.GetPickList(id)->lines[0].picked);
}

TEST_F(KitPickListServiceTest, CreatePickListRecordsMetrics) {
  auto metrics = std::make_shared<::testing::StrictMock<MockMetricsService>>();
  KitPickListService service(kits_, inventory_, metrics);

  EXPECT_CALL(*metrics, RecordPickListCreated()).Times(1);
  EXPECT_CALL(*metrics, RecordPickListLines(2)).Times(1);
  EXPECT_CALL(*metrics, RecordPickListCreationDuration(::testing::_)).Times(1);
  service.CreatePickList(kit_id_, 1);
}

}  // namespace
}  // namespace partshop
