#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <memory>
#include <vector>

#include <ingestd/pipeline/batcher.hpp>
#include <ingestd/telemetry/ingest_metrics.hpp>

#include <support/registry_probe.hpp>

namespace {

using ingestd::check::sampleValue;
using ingestd::pipeline::Batch;
using ingestd::pipeline::Batcher;
using ingestd::pipeline::Record;
using ingestd::telemetry::IngestMetrics;

Record point(const std::string& measurement) {
    Record record;
    record.measurement = measurement;
    return record;
}

class BatcherCheck : public testing::Test {
protected:
    std::shared_ptr<prometheus::Registry> m_registry = std::make_shared<prometheus::Registry>();
    IngestMetrics m_metrics{m_registry};
    std::vector<std::size_t> m_flushed;
    Batcher<IngestMetrics> m_batcher{m_metrics, {"line", 3, 2.0}, [this](Batch&& batch) {
                                         EXPECT_EQ(batch.format, "line");
                                         m_flushed.push_back(batch.records.size());
                                     }};

    double flushed(const std::string& reason) const {
        return sampleValue(*m_registry, "ingestd_batches_flushed_total", {{"reason", reason}});
    }
};

TEST_F(BatcherCheck, FlushesWhenFull) {
    for (int i = 0; i < 7; ++i)
        m_batcher.add(point("cpu"), 0.0);

    EXPECT_THAT(m_flushed, testing::ElementsAre(3u, 3u));
    EXPECT_EQ(flushed("size"), 2.0);
    EXPECT_EQ(m_metrics.pendingRecords(), 1.0);
}

TEST_F(BatcherCheck, FlushesOldRecordsOnTick) {
    m_batcher.add(point("cpu"), 10.0);
    m_batcher.add(point("mem"), 11.5);
    m_batcher.tick(11.9);
    EXPECT_TRUE(m_flushed.empty());

    m_batcher.tick(12.0);
    EXPECT_THAT(m_flushed, testing::ElementsAre(2u));
    EXPECT_EQ(flushed("age"), 1.0);
    EXPECT_EQ(m_metrics.pendingRecords(), 0.0);
}

TEST_F(BatcherCheck, CloseFlushesTheRemainder) {
    m_batcher.close();
    m_batcher.add(point("cpu"), 0.0);
    m_batcher.close();

    EXPECT_THAT(m_flushed, testing::ElementsAre(1u));
    EXPECT_EQ(flushed("shutdown"), 1.0);
    EXPECT_EQ(m_metrics.batchesObserved(), 1u);
}

} // namespace
