#include <gtest/gtest.h>

#include <memory>

#include <ingestd/pipeline/retry_queue.hpp>

#include <support/registry_probe.hpp>

namespace {

using ingestd::check::sampleCount;
using ingestd::check::sampleSum;
using ingestd::check::sampleValue;
using ingestd::pipeline::Batch;
using ingestd::pipeline::RetryPolicy;
using ingestd::pipeline::RetryQueue;
using ingestd::telemetry::IngestMetrics;

Batch batchOf(std::size_t records) {
    Batch batch;
    batch.records.resize(records);
    return batch;
}

TEST(RetryQueue, BacksOffExponentially) {
    auto registry = std::make_shared<prometheus::Registry>();
    IngestMetrics metrics(registry);
    RetryQueue queue({3, 0.5, 2.0, 8}, &metrics);

    EXPECT_TRUE(queue.schedule(batchOf(2), "warehouse", 0, 10.0));
    EXPECT_TRUE(queue.schedule(batchOf(2), "warehouse", 1, 10.0));
    EXPECT_EQ(metrics.retryQueueDepth(), 2.0);

    EXPECT_EQ(queue.takeDue(10.5).size(), 1u);
    EXPECT_TRUE(queue.takeDue(10.9).empty());
    EXPECT_EQ(queue.takeDue(11.0).size(), 1u);

    EXPECT_EQ(metrics.retryQueueDepth(), 0.0);
    EXPECT_EQ(sampleValue(*registry, "ingestd_retries_scheduled_total", {{"sink", "warehouse"}}),
              2.0);
    EXPECT_EQ(sampleCount(*registry, "ingestd_retry_backoff_seconds"), 2u);
    EXPECT_DOUBLE_EQ(sampleSum(*registry, "ingestd_retry_backoff_seconds"), 1.5);
}

TEST(RetryQueue, DropsWhenOutOfAttemptsOrRoom) {
    auto registry = std::make_shared<prometheus::Registry>();
    IngestMetrics metrics(registry);
    RetryQueue queue({2, 1.0, 2.0, 1}, &metrics);

    EXPECT_FALSE(queue.schedule(batchOf(5), "warehouse", 2, 0.0));
    EXPECT_TRUE(queue.schedule(batchOf(1), "warehouse", 0, 0.0));
    EXPECT_FALSE(queue.schedule(batchOf(3), "warehouse", 0, 0.0));

    EXPECT_EQ(metrics.dropped("retries_exhausted"), 5.0);
    EXPECT_EQ(metrics.dropped("retry_queue_full"), 3.0);
}

TEST(RetryQueue, WorksWithoutMetrics) {
    RetryQueue queue(RetryPolicy{});

    EXPECT_TRUE(queue.schedule(batchOf(1), "warehouse", 0, 0.0));
    EXPECT_FALSE(queue.schedule(batchOf(1), "warehouse", 4, 0.0));
    EXPECT_EQ(queue.takeDue(1.0).size(), 1u);
}

} // namespace
