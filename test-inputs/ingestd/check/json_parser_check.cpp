#include <gtest/gtest.h>

#include <memory>

#include <ingestd/pipeline/json_parser.hpp>

#include <support/registry_probe.hpp>

namespace {

using ingestd::check::sampleCount;
using ingestd::check::sampleValue;
using ingestd::pipeline::JsonParser;
using ingestd::telemetry::IngestMetrics;

class JsonParserCheck : public testing::Test {
protected:
    std::shared_ptr<prometheus::Registry> m_registry = std::make_shared<prometheus::Registry>();
    IngestMetrics m_metrics{m_registry};
    JsonParser m_parser{m_metrics, 3};
};

TEST_F(JsonParserCheck, FlattensNestedFields) {
    const auto result = m_parser.parse(
        "peer", R"({"tenant":"acme","measurement":"cpu","ts":7,"fields":{"core":{"id":"3"}}})");

    ASSERT_EQ(result.records.size(), 1u);
    const auto& record = result.records.front();
    EXPECT_EQ(record.tenant, "acme");
    EXPECT_EQ(record.timestampMs, 7);
    EXPECT_EQ(record.fields.at("core.id"), "3");
    EXPECT_EQ(m_metrics.recordsParsed("json"), 1.0);
    EXPECT_EQ(sampleCount(*m_registry, "ingestd_json_nesting_depth"), 1u);
}

TEST_F(JsonParserCheck, CountsEachRejectionByReason) {
    const auto result = m_parser.parse("peer", "{\"measurement\":\"cpu\",\n"
                                               "{\"tenant\":\"acme\"}\n"
                                               R"({"measurement":"m","a":{"b":{"c":{"d":"1"}}}})");

    EXPECT_EQ(result.rejected, 3u);
    EXPECT_EQ(m_metrics.parseErrors({{"format", "json"}, {"reason", "syntax"}}), 1.0);
    EXPECT_EQ(m_metrics.parseErrors({{"format", "json"}, {"reason", "missing_measurement"}}), 1.0);
    EXPECT_EQ(m_metrics.parseErrors({{"format", "json"}, {"reason", "too_deep"}}), 1.0);
    EXPECT_EQ(sampleValue(*m_registry, "ingestd_parse_bytes_total", {{"format", "json"}}), 85.0);
}

TEST_F(JsonParserCheck, DocumentMustBeAnArray) {
    const auto rejected = m_parser.parseDocument("peer", R"({"measurement":"cpu"})");
    const auto accepted =
        m_parser.parseDocument("peer", R"( [{"measurement":"cpu"},{"measurement":"mem"}] )");

    EXPECT_TRUE(rejected.records.empty());
    EXPECT_EQ(accepted.records.size(), 2u);
    EXPECT_EQ(m_metrics.parseErrors({{"format", "json"}, {"reason", "not_an_array"}}), 1.0);
}

} // namespace
