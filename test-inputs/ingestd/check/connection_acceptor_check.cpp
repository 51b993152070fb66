#include <gtest/gtest.h>

#include <memory>

#include <ingestd/net/connection_acceptor.hpp>

#include <support/registry_probe.hpp>

namespace {

using ingestd::check::sampleValue;
using ingestd::net::AcceptorOptions;
using ingestd::net::ConnectionAcceptor;
using ingestd::telemetry::IngestMetrics;

AcceptorOptions smallListener() {
    AcceptorOptions options;
    options.listener = "tcp:9000";
    options.maxConnections = 2;
    options.deniedPeers = {"192.0.2.1"};
    return options;
}

TEST(ConnectionAcceptor, CountsAdmissionsAndRefusals) {
    auto registry = std::make_shared<prometheus::Registry>();
    auto metrics = std::make_shared<IngestMetrics>(registry);
    ConnectionAcceptor acceptor(smallListener());
    acceptor.setMetrics(metrics);

    const auto first = acceptor.accept("198.51.100.1:4000");
    const auto second = acceptor.accept("198.51.100.2:4000");
    EXPECT_FALSE(acceptor.accept("192.0.2.1:4000"));
    EXPECT_FALSE(acceptor.accept("198.51.100.3:4000"));
    ASSERT_TRUE(first && second);
    acceptor.close(*first);
    acceptor.close(*first);

    EXPECT_EQ(
        sampleValue(*registry, "ingestd_connections_accepted_total", {{"listener", "tcp:9000"}}),
        2.0);
    EXPECT_EQ(sampleValue(*registry, "ingestd_connections_rejected_total",
                          {{"listener", "tcp:9000"}, {"reason", "denied"}}),
              1.0);
    EXPECT_EQ(sampleValue(*registry, "ingestd_connections_rejected_total",
                          {{"listener", "tcp:9000"}, {"reason", "capacity"}}),
              1.0);
    EXPECT_EQ(metrics->connectionsActive(), 1.0);
}

TEST(ConnectionAcceptor, RunsBeforeMetricsAreAttached) {
    ConnectionAcceptor acceptor(smallListener());

    const auto id = acceptor.accept("198.51.100.1:4000");
    ASSERT_TRUE(id);
    acceptor.close(*id);
    EXPECT_EQ(acceptor.open(), 0u);
}

} // namespace
