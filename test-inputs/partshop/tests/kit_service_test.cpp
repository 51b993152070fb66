#include "services/kit_service.h"

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

class KitServiceTest : public ::testing::Test {
 protected:
  void SetUp() override {
    inventory_.RegisterPart(MakeTestPart("R-1", 100));
    inventory_.RegisterPart(MakeTestPart("C-1", 10));
  }

  StubMetricsService stub_;
  InventoryService inventory_{"RECEIVING", stub_};
  KitService kits_{inventory_, stub_};
};

TEST_F(KitServiceTest, CreateKitAssignsSequentialIds) {
  EXPECT_EQ(kits_.CreateKit("Amp", 2), 1);
  EXPECT_EQ(kits_.CreateKit("Synth", 1), 2);
  EXPECT_THROW(kits_.CreateKit("", 1), std::invalid_argument);
  EXPECT_EQ(kits_.ActiveKitCount(), 2);
}

TEST_F(KitServiceTest, ArchiveKitReducesActiveCount) {
  const int id = kits_.CreateKit("Amp", 2);
  kits_.CreateKitsFromTemplate("Workshop", 2);
  kits_.ArchiveKit(id);
  EXPECT_EQ(kits_.ActiveKitCount(), 2);
  KitOverview overview = kits_.GetOverview();
  EXPECT_EQ(overview.archived, 1);
  EXPECT_EQ(overview.active_names.front(), "Workshop #1");
}

TEST_F(KitServiceTest, ContentCanBeAddedUpdatedAndRemoved) {
  const int id = kits_.CreateKit("Amp", 1);
  kits_.AddContent(id, "R-1", 4);
  kits_.AddContent(id, "C-1", 2);
  kits_.UpdateContent(id, "R-1", 6);
  kits_.RemoveContent(id, "C-1");

  const Kit* kit = kits_.GetKit(id);
  ASSERT_NE(kit, nullptr);
  ASSERT_EQ(kit->contents.size(), 1u);
  EXPECT_EQ(kit->contents[0].required_per_unit, 6);
}

TEST_F(KitServiceTest, AddContentRejectsUnknownPart) {
  const int id = kits_.CreateKit("Amp", 1);
  EXPECT_THROW(kits_.AddContent(id, "NOPE", 1), std::invalid_argument);
}

TEST_F(KitServiceTest, BuildKitConsumesStockOrThrowsWhenShort) {
  const int id = kits_.CreateKit("Amp", 1);
  kits_.AddContent(id, "R-1", 4);
  kits_.AddContent(id, "C-1", 3);

  EXPECT_EQ(kits_.BuildKit(id, 2), 14);
  EXPECT_EQ(inventory_.QuantityOf("R-1"), 92);
  EXPECT_EQ(inventory_.QuantityOf("C-1"), 4);
  EXPECT_THROW(kits_.BuildKit(id, 2), std::runtime_error);
  EXPECT_EQ(inventory_.QuantityOf("C-1"), 4);
}

TEST(KitServiceMetricsTest, CreateKitRecordsCreationAndActiveCount) {
  StubMetricsService stub;
  InventoryService inventory("RECEIVING", stub);
  ::testing::NiceMock<MockMetricsService> metrics;
  KitService kits(inventory, metrics);

  EXPECT_CALL(metrics, RecordKitCreated(1)).Times(1);
  EXPECT_CALL(metrics, SetActiveKitsCount(1)).Times(1);
  kits.CreateKit("Amp", 1);
}

TEST(KitServiceMetricsTest, BuildKitRecordsOneAggregatedQuantityChange) {
  StubMetricsService stub;
  InventoryService inventory("RECEIVING", stub);
  inventory.RegisterPart(MakeTestPart("R-1", 100));
  inventory.RegisterPart(MakeTestPart("C-1", 100));
  ::testing::NiceMock<MockMetricsService> metrics;
  KitService kits(inventory, metrics);
  const int id = kits.CreateKit("Amp", 1);
  kits.AddContent(id, "R-1", 2);
  kits.AddContent(id, "C-1", 1);

  EXPECT_CALL(metrics, RecordQuantityChange("kit_build", 6)).Times(1);
  kits.BuildKit(id, 2);
}

}  // namespace
}  // namespace partshop
