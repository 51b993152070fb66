#include "metrics/metrics_service.h"

#include <gtest/gtest.h>
#include <prometheus/metric_family.h>

#include <atomic>
#include <chrono>
#include <map>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include "tests/testing_utils.h"

namespace partshop {
namespace {

using Labels = std::map<std::string, std::string>;

// Returns the sample of `name` whose labels include all of `labels`, or
// nullptr if the family or the labelled child does not exist.
const prometheus::ClientMetric* FindSample(
    const std::vector<prometheus::MetricFamily>& families,
    const std::string& name, const Labels& labels) {
  for (const auto& family : families) {
    if (family.name != name) {
      continue;
    }
    for (const auto& metric : family.metric) {
      std::size_t matched = 0;
      for (const auto& label : metric.label) {
        auto it = labels.find(label.name);
        if (it != labels.end() && it->second == label.value) {
          ++matched;
        }
      }
      if (matched == labels.size()) {
        return &metric;
      }
    }
  }
  return nullptr;
}

class MetricsServiceTest : public ::testing::Test {
 protected:
  const prometheus::ClientMetric* Sample(const std::string& name,
                                         const Labels& labels = {}) {
    families_ = metrics_.registry()->Collect();
    return FindSample(families_, name, labels);
  }

  double CounterValue(const std::string& name, const Labels& labels = {}) {
    const prometheus::ClientMetric* sample = Sample(name, labels);
    return sample == nullptr ? -1.0 : sample->counter.value;
  }

  double GaugeValue(const std::string& name, const Labels& labels = {}) {
    const prometheus::ClientMetric* sample = Sample(name, labels);
    return sample == nullptr ? -1.0 : sample->gauge.value;
  }

  MetricsService metrics_;
  std::vector<prometheus::MetricFamily> families_;
};

TEST_F(MetricsServiceTest, QuantityChangeIncrementsLabelledCounter) {
  metrics_.RecordQuantityChange("add", 5);
  metrics_.RecordQuantityChange("add", 2);
  metrics_.RecordQuantityChange("remove", 1);

  EXPECT_DOUBLE_EQ(
      CounterValue("inventory_quantity_changes_total", {{"operation", "add"}}),
      7.0);
  EXPECT_DOUBLE_EQ(CounterValue("inventory_quantity_changes_total",
                                {{"operation", "remove"}}),
                   1.0);
}

TEST_F(MetricsServiceTest, KitCreatedIgnoresNonPositiveCounts) {
  metrics_.RecordKitCreated();
  metrics_.RecordKitCreated(3);
  metrics_.RecordKitCreated(0);
  metrics_.RecordKitCreated(-2);
  EXPECT_DOUBLE_EQ(CounterValue("kits_created_total"), 4.0);
}

TEST_F(MetricsServiceTest, AuthValidationMapsResultToLabel) {
  metrics_.RecordAuthValidation(AuthResult::kSuccess);
  metrics_.RecordAuthValidation(AuthResult::kExpired);
  metrics_.RecordAuthValidation(AuthResult::kExpired);

  EXPECT_DOUBLE_EQ(
      CounterValue("auth_validation_total", {{"result", "success"}}), 1.0);
  EXPECT_DOUBLE_EQ(
      CounterValue("auth_validation_total", {{"result", "expired"}}), 2.0);
  EXPECT_EQ(Sample("auth_validation_total", {{"result", "invalid"}}), nullptr);
}

TEST_F(MetricsServiceTest, LinesMarkedOrderedSkipsEmptyGroups) {
  metrics_.RecordLinesMarkedOrdered("group", 0);
  EXPECT_EQ(
      Sample("shopping_list_lines_marked_ordered_total", {{"mode", "group"}}),
      nullptr);

  metrics_.RecordLinesMarkedOrdered("group", 3);
  EXPECT_DOUBLE_EQ(CounterValue("shopping_list_lines_marked_ordered_total",
                                {{"mode", "group"}}),
                   3.0);
}

TEST_F(MetricsServiceTest, MouserRequestRecordsCounterAndHistogram) {
  metrics_.RecordMouserApiRequest("partnumber", "success", 0.2);

  EXPECT_DOUBLE_EQ(
      CounterValue("mouser_api_requests_total",
                   {{"endpoint", "partnumber"}, {"status", "success"}}),
      1.0);
  const prometheus::ClientMetric* histogram = Sample(
      "mouser_api_request_duration_seconds", {{"endpoint", "partnumber"}});
  ASSERT_NE(histogram, nullptr);
  EXPECT_EQ(histogram->histogram.sample_count, 1u);
  EXPECT_DOUBLE_EQ(histogram->histogram.sample_sum, 0.2);
}

TEST_F(MetricsServiceTest, GaugesKeepLatestValue) {
  metrics_.SetActiveSseConnections(5);
  metrics_.SetActiveSseConnections(3);
  metrics_.SetShuttingDown(true);

  EXPECT_DOUBLE_EQ(GaugeValue("sse_gateway_active_connections"), 3.0);
  EXPECT_DOUBLE_EQ(
      GaugeValue("application_shutting_down", {{"service", "partshop"}}), 1.0);
}

TEST_F(MetricsServiceTest, PollOnceRunsRegisteredCallbacks) {
  int calls = 0;
  metrics_.RegisterForPolling([&calls] { ++calls; });
  metrics_.RegisterForPolling([&calls] { calls += 10; });

  metrics_.PollOnce();
  EXPECT_EQ(calls, 11);
}

TEST_F(MetricsServiceTest, PollOnceSetsDashboardGaugesFromSnapshot) {
  metrics_.SetDashboardSource([] { return testing_utils::MakeTestSnapshot(); });
  metrics_.PollOnce();

  EXPECT_DOUBLE_EQ(GaugeValue("dashboard_total_parts"), 12.0);
  EXPECT_DOUBLE_EQ(GaugeValue("dashboard_total_quantity"), 3400.0);
  EXPECT_DOUBLE_EQ(GaugeValue("dashboard_low_stock_parts"), 3.0);
  EXPECT_DOUBLE_EQ(GaugeValue("dashboard_active_kits"), 2.0);
  EXPECT_DOUBLE_EQ(GaugeValue("dashboard_storage_locations"), 5.0);
  EXPECT_DOUBLE_EQ(GaugeValue("dashboard_parts_without_documents"), 4.0);
  EXPECT_DOUBLE_EQ(GaugeValue("dashboard_recent_quantity_changes"), 17.0);
  EXPECT_DOUBLE_EQ(GaugeValue("dashboard_part_categories"), 6.0);
}

TEST_F(MetricsServiceTest, FailingCallbackDoesNotStopOthers) {
  bool good_ran = false;
  metrics_.RegisterForPolling([] { throw std::runtime_error("db down"); });
  metrics_.RegisterForPolling([&good_ran] { good_ran = true; });
  metrics_.SetDashboardSource(
      []() -> DashboardSnapshot { throw std::runtime_error("db down"); });

  EXPECT_NO_THROW(metrics_.PollOnce());
  EXPECT_TRUE(good_ran);
  EXPECT_DOUBLE_EQ(GaugeValue("dashboard_total_parts"), 0.0);
}

TEST_F(MetricsServiceTest, BackgroundUpdaterTicksAndShutsDown) {
  std::atomic<int> ticks{0};
  metrics_.RegisterForPolling([&ticks] { ++ticks; });
  metrics_.StartBackgroundUpdater(std::chrono::milliseconds(5));
  EXPECT_TRUE(metrics_.IsBackgroundUpdaterRunning());

  for (int i = 0; i < 200 && ticks.load() < 2; ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
  metrics_.Shutdown();

  EXPECT_GE(ticks.load(), 2);
  EXPECT_FALSE(metrics_.IsBackgroundUpdaterRunning());
}

TEST_F(MetricsServiceTest, BackgroundUpdaterWaitsOneIntervalBeforeFirstTick) {
  std::atomic<int> ticks{0};
  metrics_.RegisterForPolling([&ticks] { ++ticks; });
  metrics_.StartBackgroundUpdater(std::chrono::hours(1));
  // A second start is ignored, so the short interval never takes effect.
  metrics_.StartBackgroundUpdater(std::chrono::milliseconds(1));
  std::this_thread::sleep_for(std::chrono::milliseconds(20));

  const auto start = std::chrono::steady_clock::now();
  metrics_.Shutdown();
  EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(1));
  EXPECT_EQ(ticks.load(), 0);
}

}  // namespace
}  // namespace partshop
