#include <gtest/gtest.h>

#include <memory>

#include <ingestd/pipeline/tenant_throttle.hpp>

#include <support/registry_probe.hpp>

namespace {

using ingestd::check::sampleValue;
using ingestd::pipeline::TenantThrottle;
using ingestd::telemetry::IngestMetrics;

TEST(TenantThrottle, RefillsAtTheConfiguredRate) {
    auto registry = std::make_shared<prometheus::Registry>();
    IngestMetrics metrics(registry);
    TenantThrottle throttle(metrics, 2.0, 2.0);

    EXPECT_TRUE(throttle.admit("acme", 0.0));
    EXPECT_TRUE(throttle.admit("acme", 0.0));
    EXPECT_FALSE(throttle.admit("acme", 0.0));
    EXPECT_TRUE(throttle.admit("acme", 0.5));
    EXPECT_TRUE(throttle.admit("", 0.5));

    EXPECT_EQ(sampleValue(*registry, "ingestd_tenant_requests_total",
                          {{"tenant", "acme"}, {"decision", "admitted"}}),
              3.0);
    EXPECT_EQ(sampleValue(*registry, "ingestd_tenant_requests_total",
                          {{"tenant", "acme"}, {"decision", "throttled"}}),
              1.0);
    EXPECT_EQ(sampleValue(*registry, "ingestd_tenant_requests_total",
                          {{"tenant", "anonymous"}, {"decision", "admitted"}}),
              1.0);
    EXPECT_EQ(metrics.dropped("throttled"), 1.0);
}

} // namespace
