#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <memory>

#include <ingestd/telemetry/ingest_metrics.hpp>
#include <ingestd/telemetry/registry.hpp>

#include <support/registry_probe.hpp>

namespace {

using ingestd::check::sampleCount;
using ingestd::check::sampleValue;
using ingestd::telemetry::IngestMetrics;

TEST(IngestMetrics, UnlabelledMetricsAreExportedBeforeAnythingHappens) {
    auto registry = std::make_shared<prometheus::Registry>();
    IngestMetrics metrics(registry);

    // Families with labels only show up once a child exists; the 11 others are there at once.
    const auto families = registry->Collect();
    EXPECT_EQ(families.size(), 11u);
    EXPECT_THAT(families, testing::Contains(testing::Field(&prometheus::MetricFamily::name,
                                                           "ingestd_retry_queue_depth")));
    EXPECT_THAT(families, testing::Not(testing::Contains(testing::Field(
                              &prometheus::MetricFamily::name, "ingestd_parse_errors_total"))));
    EXPECT_EQ(sampleValue(*registry, "ingestd_build_info", {{"version", "1.4.2"}}), 1.0);
}

TEST(IngestMetrics, ScrapeRendersTheRegistryAndCountsItself) {
    auto registry = std::make_shared<prometheus::Registry>();
    IngestMetrics metrics(registry, "2.0.0-rc1");

    const std::string first = metrics.scrape();
    EXPECT_THAT(first, testing::HasSubstr("ingestd_build_info{version=\"2.0.0-rc1\"} 1"));
    EXPECT_THAT(first, testing::HasSubstr("ingestd_metrics_scrapes_total 1"));
    metrics.scrape();
    EXPECT_EQ(metrics.scrapes(), 2.0);
}

TEST(IngestMetrics, EmptyBatchesAreNotCounted) {
    auto registry = std::make_shared<prometheus::Registry>();
    IngestMetrics metrics(registry);

    metrics.recordBatchFlushed("shutdown", 0);
    metrics.recordBatchFlushed("size", 12);

    EXPECT_EQ(sampleValue(*registry, "ingestd_batches_flushed_total", {{"reason", "shutdown"}}),
              0.0);
    EXPECT_EQ(sampleValue(*registry, "ingestd_batches_flushed_total", {{"reason", "size"}}), 1.0);
    EXPECT_EQ(metrics.batchesObserved(), 1u);
}

TEST(IngestMetrics, CompressionRatioSkipsEmptyBodies) {
    auto registry = std::make_shared<prometheus::Registry>();
    IngestMetrics metrics(registry);

    metrics.recordDecompressed("rle", 0, 0);
    metrics.recordDecompressed("rle", 10, 40);

    EXPECT_EQ(sampleValue(*registry, "ingestd_decompressed_bytes_total", {{"codec", "rle"}}), 40.0);
    EXPECT_EQ(sampleCount(*registry, "ingestd_compression_ratio", {{"codec", "rle"}}), 1u);
}

TEST(IngestMetrics, ProcessRegistryIsOneInstance) {
    EXPECT_EQ(&ingestd::metricsRegistry(), ingestd::metricsRegistryHandle().get());
}

} // namespace
