#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <memory>
#include <string>

#include <ingestd/daemon.hpp>

#include <support/registry_probe.hpp>

namespace {

using ingestd::Clock;
using ingestd::DaemonConfig;
using ingestd::IngestDaemon;
using ingestd::check::sampleValue;

DaemonConfig pipelineConfig() {
    DaemonConfig config;
    config.batcher.maxRecords = 2;
    config.batcher.maxAgeSeconds = 1.0;
    config.routes = {{"cpu", "host"}};
    config.schemas = {{"cpu", {"usage"}, 1}};
    return config;
}

class DaemonCheck : public testing::Test {
protected:
    std::shared_ptr<prometheus::Registry> m_registry = std::make_shared<prometheus::Registry>();
    Clock m_clock = Clock::manual();
};

TEST_F(DaemonCheck, DeliversValidRecordsInBatches) {
    IngestDaemon daemon(pipelineConfig(), m_clock, m_registry);

    const auto queued = daemon.ingest("peer:1", "line", "identity",
                                      "cpu,tenant=a usage=1 1\n"
                                      "cpu,tenant=a usage=2 2\n"
                                      "cpu,tenant=a steal=2 3\n"
                                      "cpu,tenant=a usage=3 4\n");
    EXPECT_EQ(queued, 3u);
    EXPECT_EQ(daemon.batchesDelivered(), 1u);

    m_clock.advance(1.0);
    daemon.tick();
    EXPECT_EQ(daemon.batchesDelivered(), 2u);
    EXPECT_EQ(daemon.metrics().dropped("schema_mismatch"), 1.0);
    EXPECT_EQ(sampleValue(*m_registry, "ingestd_records_routed_total", {{"topic", "host"}}), 3.0);
}

TEST_F(DaemonCheck, RetriesFailedWritesUntilTheyGoThrough) {
    DaemonConfig config = pipelineConfig();
    int failures = 1;
    config.transport = [&failures](const std::string&) {
        return failures-- > 0 ? std::string("timeout") : std::string();
    };
    IngestDaemon daemon(std::move(config), m_clock, m_registry);

    daemon.ingest("peer:1", "json", "identity",
                  R"({"tenant":"a","measurement":"cpu","fields":{"usage":"1"}})");
    daemon.shutdown();
    EXPECT_EQ(daemon.retriesPending(), 1u);

    m_clock.advance(0.5);
    daemon.tick();
    EXPECT_EQ(daemon.retriesPending(), 0u);
    EXPECT_EQ(daemon.batchesDelivered(), 1u);
    EXPECT_EQ(sampleValue(*m_registry, "ingestd_retries_scheduled_total", {{"sink", "warehouse"}}),
              1.0);
}

TEST_F(DaemonCheck, AcceptorReportsThroughTheDaemonsMetrics) {
    IngestDaemon daemon(pipelineConfig(), m_clock, m_registry);

    ASSERT_TRUE(daemon.acceptor().accept("198.51.100.7:1234"));
    EXPECT_EQ(daemon.metrics().connectionsActive(), 1.0);
    EXPECT_THAT(daemon.metrics().scrape(),
                testing::HasSubstr("ingestd_connections_accepted_total{listener=\"tcp:4317\"} 1"));
}

} // namespace
