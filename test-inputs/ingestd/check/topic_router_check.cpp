#include <gtest/gtest.h>

#include <memory>
#include <vector>

#include <ingestd/pipeline/topic_router.hpp>

#include <support/registry_probe.hpp>

namespace {

using ingestd::check::sampleValue;
using ingestd::pipeline::Record;
using ingestd::pipeline::TopicRouter;
using ingestd::telemetry::IngestMetrics;

std::vector<Record> points(std::initializer_list<const char*> measurements) {
    std::vector<Record> records;
    for (const char* measurement : measurements) {
        records.emplace_back();
        records.back().measurement = measurement;
    }
    return records;
}

TEST(TopicRouter, LongestPrefixWinsAndTheRestIsDropped) {
    auto registry = std::make_shared<prometheus::Registry>();
    IngestMetrics metrics(registry);
    TopicRouter router(metrics, {{"http", "web"}, {"http.errors", "alerts"}, {"cpu", "host"}});

    auto records = points({"http.requests", "http.errors.5xx", "cpu", "gpu", "http.latency"});
    router.route(records);

    ASSERT_EQ(records.size(), 4u);
    EXPECT_EQ(records[1].topic, "alerts");
    EXPECT_EQ(sampleValue(*registry, "ingestd_records_routed_total", {{"topic", "web"}}), 2.0);
    EXPECT_EQ(sampleValue(*registry, "ingestd_records_routed_total", {{"topic", "alerts"}}), 1.0);
    EXPECT_EQ(sampleValue(*registry, "ingestd_unroutable_records_total"), 1.0);
    EXPECT_EQ(metrics.dropped("unroutable"), 1.0);
}

} // namespace
