#include "services/duplicate_search_service.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <chrono>

#include "tests/mock_metrics_service.h"
#include "tests/testing_utils.h"

namespace partshop {
namespace {

using testing_utils::MakeTestPart;
using testing_utils::MockMetricsService;
using testing_utils::StubMetricsService;

class DuplicateSearchServiceTest : public ::testing::Test {
 protected:
  void SetUp() override {
    inventory_.RegisterPart(
        MakeTestPart("R-1", 10, "A1", "10k resistor 0603 1%"));
    inventory_.RegisterPart(MakeTestPart("R-2", 10, "A1", "10k resistor 0603"));
    inventory_.RegisterPart(MakeTestPart("C-1", 10, "A2", "100nF capacitor"));
  }

  StubMetricsService stub_;
  InventoryService inventory_{"RECEIVING", stub_};
};

TEST_F(DuplicateSearchServiceTest, FindsSimilarPartsSortedByScore) {
  DuplicateSearchService search(inventory_, std::chrono::seconds(60), stub_);
  auto matches = search.FindDuplicates("10k resistor 0603 1%");
  ASSERT_EQ(matches.size(), 2u);
  EXPECT_EQ(matches[0].part_number, "R-1");
  EXPECT_DOUBLE_EQ(matches[0].score, 1.0);
  EXPECT_EQ(matches[1].part_number, "R-2");
  EXPECT_TRUE(search.FindDuplicates("usb connector").empty());
}

TEST_F(DuplicateSearchServiceTest, CachedResultSurvivesInventoryChanges) {
  DuplicateSearchService search(inventory_, std::chrono::seconds(60), stub_);
  EXPECT_EQ(search.FindDuplicates("100nF capacitor").size(), 1u);
  inventory_.RegisterPart(MakeTestPart("C-2", 1, "A2", "100nF capacitor"));
  EXPECT_EQ(search.FindDuplicates("100nF capacitor").size(), 1u);

  search.InvalidateCache();
  EXPECT_EQ(search.FindDuplicates("100nF capacitor").size(), 2u);
}

TEST_F(DuplicateSearchServiceTest, RecordsCacheMissThenHit) {
  ::testing::NiceMock<MockMetricsService> metrics;
  DuplicateSearchService search(inventory_, std::chrono::seconds(60), metrics);

  EXPECT_CALL(metrics, RecordDuplicateSearchCacheMiss()).Times(1);
  EXPECT_CALL(metrics, RecordDuplicateSearchCacheHit()).Times(1);
  search.FindDuplicates("10k resistor");
  search.FindDuplicates("10k resistor");
}

}  // namespace
}  // namespace partshop
