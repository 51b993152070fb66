#include <gtest/gtest.h>

#include <memory>

#include <ingestd/schema/schema_registry.hpp>

#include <support/registry_probe.hpp>

namespace {

using ingestd::check::sampleValue;
using ingestd::pipeline::Record;
using ingestd::schema::Schema;
using ingestd::schema::SchemaRegistry;
using ingestd::telemetry::IngestMetrics;

class SchemaRegistryCheck : public testing::Test {
protected:
    std::shared_ptr<prometheus::Registry> m_registry = std::make_shared<prometheus::Registry>();
    IngestMetrics m_metrics{m_registry};
    SchemaRegistry m_schemas{m_metrics};
};

TEST_F(SchemaRegistryCheck, ReplacementsMustKeepRequiredFields) {
    EXPECT_TRUE(m_schemas.registerSchema({"cpu", {"usage"}, 1}));
    EXPECT_TRUE(m_schemas.registerSchema({"cpu", {"usage", "host"}, 1}));
    EXPECT_FALSE(m_schemas.registerSchema({"cpu", {"host"}, 1}));
    EXPECT_TRUE(m_schemas.registerSchema({"mem", {}, 1}));

    EXPECT_EQ(m_schemas.lookup("cpu")->version, 2);
    EXPECT_EQ(m_metrics.schemasRegistered(), 2.0);
    EXPECT_EQ(sampleValue(*m_registry, "ingestd_schema_compat_failures_total"), 1.0);
}

TEST_F(SchemaRegistryCheck, LookupsCountHitsAndMisses) {
    m_schemas.registerSchema({"cpu", {"usage"}, 1});
    Record good;
    good.measurement = "cpu";
    good.fields["usage"] = "1";
    Record incomplete;
    incomplete.measurement = "cpu";
    Record unknown;
    unknown.measurement = "gpu";

    EXPECT_TRUE(m_schemas.validate(good));
    EXPECT_FALSE(m_schemas.validate(incomplete));
    EXPECT_FALSE(m_schemas.validate(unknown));

    EXPECT_EQ(sampleValue(*m_registry, "ingestd_schema_lookups_total", {{"result", "hit"}}), 2.0);
    EXPECT_EQ(sampleValue(*m_registry, "ingestd_schema_lookups_total", {{"result", "miss"}}), 1.0);
    EXPECT_EQ(sampleValue(*m_registry, "ingestd_schema_compat_failures_total"), 1.0);
}

} // namespace
