#include "services/mouser_client.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <memory>

#include "tests/mock_metrics_service.h"
#include "tests/testing_utils.h"

namespace partshop {
namespace {

using testing_utils::MockMetricsService;
using testing_utils::StubMetricsService;

MouserPart MakeCatalogPart() {
  return {"556-ATMEGA328P-AU",
          "ATMEGA328P-AU",
          "Microchip",
          "8-bit microcontroller",
          2.65,
          1200};
}

TEST(MouserClientTest, SearchByPartNumberAndKeyword) {
  MouserClient client("key", 10, std::make_shared<StubMetricsService>());
  client.AddCatalogEntry(MakeCatalogPart());

  auto part = client.SearchByPartNumber("ATMEGA328P-AU");
  ASSERT_TRUE(part.has_value());
  EXPECT_EQ(part->manufacturer, "Microchip");
  EXPECT_FALSE(client.SearchByPartNumber("NOPE").has_value());
  EXPECT_EQ(client.SearchByKeyword("microcontroller").size(), 1u);
}

TEST(MouserClientTest, MissingApiKeyReturnsNothing) {
  MouserClient client("", 10, std::make_shared<StubMetricsService>());
  client.AddCatalogEntry(MakeCatalogPart());
  EXPECT_FALSE(client.SearchByPartNumber("ATMEGA328P-AU").has_value());
  EXPECT_TRUE(client.SearchByKeyword("micro").empty());
}

TEST(MouserClientTest, RateLimitRejectsRequestsUntilWindowReset) {
  MouserClient client("key", 2, std::make_shared<StubMetricsService>());
  client.AddCatalogEntry(MakeCatalogPart());
  client.SearchByPartNumber("ATMEGA328P-AU");
  client.SearchByPartNumber("ATMEGA328P-AU");
  EXPECT_FALSE(client.SearchByPartNumber("ATMEGA328P-AU").has_value());
  EXPECT_EQ(client.requests_in_window(), 2);

  client.ResetRateWindow();
  EXPECT_TRUE(client.SearchByPartNumber("ATMEGA328P-AU").has_value());
}

TEST(MouserClientTest, RecordsSuccessfulRequest) {
  auto metrics = std::make_shared<::testing::StrictMock<MockMetricsService>>();
  MouserClient client("key", 10, metrics);
  client.AddCatalogEntry(MakeCatalogPart());

  EXPECT_CALL(*metrics,
              RecordMouserApiRequest("partnumber", "success", ::testing::_))
      .Times(1);
  client.SearchByPartNumber("ATMEGA328P-AU");
}

}  // namespace
}  // namespace partshop
