#include "services/pick_list_report_service.h"

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

class PickListReportServiceTest : public ::testing::Test {
 protected:
  void SetUp() override {
    inventory_.RegisterPart(MakeTestPart("R-1", 100, "A1"));
    const int kit_id = kits_.CreateKit("Amp", 1);
    kits_.AddContent(kit_id, "R-1", 4);
    pick_list_id_ = pick_lists_.CreatePickList(kit_id, 2);
  }

  StubMetricsService stub_;
  InventoryService inventory_{"RECEIVING", stub_};
  KitService kits_{inventory_, stub_};
  KitPickListService pick_lists_{kits_, inventory_,
                                 std::make_shared<StubMetricsService>()};
  int pick_list_id_ = 0;
};

TEST_F(PickListReportServiceTest, RenderTextListsLines) {
  PickListReportService reports(pick_lists_, stub_);
  EXPECT_EQ(reports.RenderText(pick_list_id_),
            "Pick list #1 (kit 1, 2 units)\n[ ] R-1 x8 @ A1\n");
  EXPECT_THROW(reports.RenderText(99), std::out_of_range);
}

TEST_F(PickListReportServiceTest, RenderCsvHasHeaderAndPickedState) {
  PickListReportService reports(pick_lists_, stub_);
  pick_lists_.PickLine(pick_list_id_, 0);
  EXPECT_EQ(reports.RenderCsv(pick_list_id_),
            "part_number,location,quantity,picked\nR-1,A1,8,yes\n");
}

TEST_F(PickListReportServiceTest, RenderCsvRecordsReportMetric) {
  ::testing::StrictMock<MockMetricsService> metrics;
  PickListReportService reports(pick_lists_, metrics);

  EXPECT_CALL(metrics, RecordPickListReportGenerated("csv", ::testing::_))
      .Times(1);
  reports.RenderCsv(pick_list_id_);
}

}  // namespace
}  // namespace partshop
