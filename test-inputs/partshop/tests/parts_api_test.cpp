#include "api/parts_api.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "tests/mock_metrics_service.h"
#include "tests/testing_utils.h"

namespace partshop {
namespace {

using testing_utils::MakeTestPart;
using testing_utils::MockMetricsService;
using testing_utils::StubMetricsService;

class PartsApiTest : public ::testing::Test {
 protected:
  void SetUp() override {
    inventory_.RegisterPart(MakeTestPart("R-1", 10, "A1", "resistor", "Res"));
  }

  StubMetricsService stub_;
  InventoryService inventory_{"RECEIVING", stub_};
};

TEST_F(PartsApiTest, GetPartReturnsJsonOr404) {
  Response found = HandleGetPart(inventory_, stub_, "R-1");
  EXPECT_EQ(found.status, 200);
  EXPECT_EQ(found.body,
            "{\"part_number\":\"R-1\",\"description\":\"resistor\","
            "\"category\":\"Res\",\"location\":\"A1\",\"quantity\":10}");
  EXPECT_EQ(HandleGetPart(inventory_, stub_, "NOPE").status, 404);
}

TEST_F(PartsApiTest, AdjustQuantityMapsErrorsToStatusCodes) {
  EXPECT_EQ(HandleAdjustQuantity(inventory_, stub_, "R-1", 3).body,
            "{\"quantity\":3}");
  EXPECT_EQ(HandleAdjustQuantity(inventory_, stub_, "R-1", -1).status, 400);
  EXPECT_EQ(HandleAdjustQuantity(inventory_, stub_, "NOPE", 1).status, 404);
  EXPECT_EQ(HandleListParts(inventory_, stub_).body.front(), '[');
}

TEST_F(PartsApiTest, GetPartRecordsRequestAndDuration) {
  ::testing::StrictMock<MockMetricsService> metrics;

  EXPECT_CALL(metrics, RecordPartsApiRequest("get_part", "ok")).Times(1);
  EXPECT_CALL(metrics, RecordPartsApiDuration("get_part", ::testing::_))
      .Times(1);
  HandleGetPart(inventory_, metrics, "R-1");
}

}  // namespace
}  // namespace partshop
