#include "services/container.h"

#include <gtest/gtest.h>

#include <string>

#include "api/metrics_api.h"
#include "tests/testing_utils.h"

namespace partshop {
namespace {

using testing_utils::MakeTestPart;

TEST(ContainerTest, ServicesShareOneMetricsRegistry) {
  Container container;
  container.inventory_service().RegisterPart(MakeTestPart("R-1", 10));
  container.inventory_service().AddStock("R-1", 4);
  container.kit_service().CreateKit("Amp", 1);

  const std::string text = HandleGetMetrics(container.metrics());
  EXPECT_NE(text.find("inventory_quantity_changes_total{operation=\"add\"} 4"),
            std::string::npos);
  EXPECT_NE(text.find("kits_created_total 1"), std::string::npos);
}

TEST(ContainerTest, PollOnceUsesDashboardService) {
  Container container;
  container.inventory_service().RegisterPart(MakeTestPart("R-1", 10));
  container.inventory_service().RegisterPart(MakeTestPart("R-2", 5));
  container.metrics().PollOnce();

  const std::string text = HandleGetMetrics(container.metrics());
  EXPECT_NE(text.find("dashboard_total_parts{service=\"partshop\"} 2"),
            std::string::npos);
  EXPECT_NE(text.find("dashboard_total_quantity 15"), std::string::npos);
}

TEST(ContainerTest, ShutdownStopsTaskIntakeAndRecordsPendingTasks) {
  Container container;
  container.task_service().Submit("import", [] {});
  container.metrics().StartBackgroundUpdater(std::chrono::milliseconds(50));

  EXPECT_TRUE(container.shutdown_coordinator().Shutdown().empty());
  EXPECT_FALSE(container.task_service().Submit("late", [] {}));
  EXPECT_FALSE(container.metrics().IsBackgroundUpdaterRunning());

  const std::string text = HandleGetMetrics(container.metrics());
  EXPECT_NE(text.find("task_active_tasks_at_shutdown 1"), std::string::npos);
  EXPECT_NE(text.find("application_shutting_down{service=\"partshop\"} 1"),
            std::string::npos);
}

}  // namespace
}  // namespace partshop
