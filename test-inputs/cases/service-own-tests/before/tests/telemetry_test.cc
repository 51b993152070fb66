#include "stats/telemetry.h"

#include <gtest/gtest.h>
#include <prometheus/metric_family.h>

#include <string>
#include <vector>

namespace stats
{
namespace
{

double value_of(const Telemetry &telemetry, const std::string &name)
{
    for (const prometheus::MetricFamily &family : telemetry.registry()->Collect()) {
        if (family.name == name && !family.metric.empty()) {
            const prometheus::ClientMetric &metric = family.metric.front();
            return family.type == prometheus::MetricType::Gauge ? metric.gauge.value
                                                                : metric.counter.value;
        }
    }
    return -1;
}

class TelemetryTest : public ::testing::Test
{
  protected:
    double value(const std::string &name) const
    {
        return value_of(telemetry_, name);
    }

    Telemetry telemetry_;
};

TEST_F(TelemetryTest, CountsUploadedFiles)
{
    telemetry_.uploaded(3);
    telemetry_.uploaded(2);
    EXPECT_EQ(value("sync_uploaded_files_total"), 5);
}

TEST_F(TelemetryTest, PollSetsTheBacklog)
{
    telemetry_.poll(7);
    EXPECT_EQ(value("sync_backlog_files"), 7);
}

TEST(TelemetryAlone, CountsFailuresByReason)
{
    Telemetry telemetry;
    telemetry.failed("timeout");
    EXPECT_EQ(value_of(telemetry, "sync_failures_total"), 1);
}

} // namespace
} // namespace stats
