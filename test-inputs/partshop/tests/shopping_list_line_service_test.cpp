#include "services/shopping_list_line_service.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <stdexcept>

#include "tests/mock_metrics_service.h"
#include "tests/testing_utils.h"

namespace partshop {
namespace {

using testing_utils::MockMetricsService;
using testing_utils::StubMetricsService;

TEST(ShoppingListLineServiceTest, AddLineUsesDefaultSeller) {
  StubMetricsService stub;
  ShoppingListLineService service("Mouser", &stub);
  const int id = service.AddLine("June", "R-1", 10);
  const int other = service.AddLine("June", "C-1", 5, "Digikey");

  EXPECT_EQ(service.GetLine(id)->seller, "Mouser");
  EXPECT_EQ(service.GetLine(other)->seller, "Digikey");
  EXPECT_THROW(service.AddLine("June", "R-1", 0), std::invalid_argument);
}

TEST(ShoppingListLineServiceTest, WorksWithoutMetrics) {
  ShoppingListLineService service("Mouser");
  const int id = service.AddLine("June", "R-1", 10);
  service.MarkOrdered(id);
  service.ReceiveLine(id);
  EXPECT_EQ(service.GetLine(id)->status, LineStatus::kReceived);
}

TEST(ShoppingListLineServiceTest, GroupOrderAndReceiveRules) {
  StubMetricsService stub;
  ShoppingListLineService service("Mouser", &stub);
  const int a = service.AddLine("June", "R-1", 10);
  service.AddLine("June", "C-1", 10);
  const int other_seller = service.AddLine("June", "L-1", 10, "Digikey");

  EXPECT_EQ(service.MarkGroupOrdered("June", "Mouser"), 2);
  EXPECT_EQ(service.GetLine(other_seller)->status, LineStatus::kNew);
  EXPECT_THROW(service.ReceiveLine(other_seller), std::logic_error);
  service.ReceiveLine(a);
  EXPECT_TRUE(service.RemoveLine(a));
  EXPECT_FALSE(service.RemoveLine(a));
}

TEST(ShoppingListLineServiceTest, MarkGroupOrderedRecordsGroupCount) {
  ::testing::NiceMock<MockMetricsService> metrics;
  ShoppingListLineService service("Mouser", &metrics);
  service.AddLine("June", "R-1", 10);
  service.AddLine("June", "C-1", 10);

  EXPECT_CALL(metrics, RecordLinesMarkedOrdered("group", 2)).Times(1);
  service.MarkGroupOrdered("June", "Mouser");
}

}  // namespace
}  // namespace partshop
