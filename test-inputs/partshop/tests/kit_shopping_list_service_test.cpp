#include "services/kit_shopping_list_service.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "tests/mock_metrics_service.h"
#include "tests/testing_utils.h"

namespace partshop {
namespace {

using testing_utils::MakeTestPart;
using testing_utils::MockMetricsService;
using testing_utils::StubMetricsService;

class KitShoppingListServiceTest : public ::testing::Test {
 protected:
  void SetUp() override {
    inventory_.RegisterPart(MakeTestPart("R-1", 100));
    inventory_.RegisterPart(MakeTestPart("MCU-1", 1));
    kit_id_ = kits_.CreateKit("Amp", 1);
    kits_.AddContent(kit_id_, "R-1", 4);
    kits_.AddContent(kit_id_, "MCU-1", 1);
  }

  StubMetricsService stub_;
  InventoryService inventory_{"RECEIVING", stub_};
  KitService kits_{inventory_, stub_};
  ShoppingListLineService lines_{"Mouser", &stub_};
  int kit_id_ = 0;
};

TEST_F(KitShoppingListServiceTest, PushKitCreatesLinesOnlyForShortages) {
  KitShoppingListService service(kits_, inventory_, lines_, stub_);
  EXPECT_EQ(service.PushKit(kit_id_, "June", 5), 1);

  auto june = lines_.LinesFor("June");
  ASSERT_EQ(june.size(), 1u);
  EXPECT_EQ(june[0].part_number, "MCU-1");
  EXPECT_EQ(june[0].quantity, 4);
  EXPECT_EQ(service.PushKit(99, "June", 5), 0);
}

TEST_F(KitShoppingListServiceTest, UnlinkKitRemovesPushedLines) {
  KitShoppingListService service(kits_, inventory_, lines_, stub_);
  service.PushKit(kit_id_, "June", 5);
  EXPECT_EQ(service.LinkedLines(kit_id_, "June").size(), 1u);

  EXPECT_EQ(service.UnlinkKit(kit_id_, "June"), 1);
  EXPECT_TRUE(lines_.LinesFor("June").empty());
  EXPECT_EQ(service.UnlinkKit(kit_id_, "June"), 0);
}

TEST_F(KitShoppingListServiceTest, PushKitRecordsOutcomeAndLineCount) {
  ::testing::StrictMock<MockMetricsService> metrics;
  KitShoppingListService service(kits_, inventory_, lines_, metrics);

  EXPECT_CALL(metrics, RecordKitShoppingListPush("success")).Times(1);
  EXPECT_CALL(metrics, RecordKitShoppingListLinesPushed(1)).Times(1);
  service.PushKit(kit_id_, "June", 5);
}

}  // namespace
}  // namespace partshop
