#include <gtest/gtest.h>

#include <memory>

#include <ingestd/pipeline/deduplicator.hpp>

#include <support/registry_probe.hpp>

namespace {

using ingestd::check::sampleValue;
using ingestd::pipeline::Deduplicator;
using ingestd::pipeline::Record;
using ingestd::telemetry::IngestMetrics;

Record point(const std::string& source, std::int64_t ts) {
    Record record;
    record.source = source;
    record.tenant = "acme";
    record.measurement = "cpu";
    record.timestampMs = ts;
    return record;
}

TEST(Deduplicator, DropsRepeatsInsideTheWindow) {
    auto registry = std::make_shared<prometheus::Registry>();
    auto metrics = std::make_shared<IngestMetrics>(registry);
    Deduplicator dedup(metrics, 2);

    EXPECT_TRUE(dedup.admit(point("a", 1)));
    EXPECT_FALSE(dedup.admit(point("b", 1)));
    EXPECT_TRUE(dedup.admit(point("a", 2)));
    EXPECT_TRUE(dedup.admit(point("a", 3)));
    // ts=1 has left the window.
    EXPECT_TRUE(dedup.admit(point("a", 1)));

    EXPECT_EQ(sampleValue(*registry, "ingestd_duplicates_dropped_total", {{"source", "b"}}), 1.0);
    EXPECT_EQ(sampleValue(*registry, "ingestd_dedup_window_entries"), 2.0);
    EXPECT_EQ(dedup.size(), 2u);
}

} // namespace
