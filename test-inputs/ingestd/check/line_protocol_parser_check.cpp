#include <gtest/gtest.h>

#include <memory>

#include <ingestd/pipeline/line_protocol_parser.hpp>

#include <support/registry_probe.hpp>

namespace {

using ingestd::check::sampleCount;
using ingestd::check::sampleSum;
using ingestd::pipeline::LineProtocolParser;
using ingestd::telemetry::IngestMetrics;

class LineProtocolParserCheck : public testing::Test {
protected:
    std::shared_ptr<prometheus::Registry> m_registry = std::make_shared<prometheus::Registry>();
    IngestMetrics m_metrics{m_registry};
    LineProtocolParser m_parser{m_metrics, 2};
};

TEST_F(LineProtocolParserCheck, ReadsTagsFieldsAndTimestamp) {
    const auto result = m_parser.parse("peer", "cpu,tenant=acme,host=db1 usage=0.5,steal=0 1234\n"
                                               "# comment\n"
                                               "\n"
                                               "mem used=1\n");

    ASSERT_EQ(result.records.size(), 2u);
    EXPECT_EQ(result.records[0].tenant, "acme");
    EXPECT_EQ(result.records[0].fields.at("host"), "db1");
    EXPECT_EQ(result.records[0].timestampMs, 1234);
    EXPECT_EQ(result.records[1].timestampMs, 0);
    EXPECT_EQ(m_metrics.recordsParsed("line"), 2.0);
    EXPECT_EQ(sampleCount(*m_registry, "ingestd_line_protocol_fields"), 2u);
    EXPECT_EQ(sampleSum(*m_registry, "ingestd_line_protocol_fields"), 3.0);
}

TEST_F(LineProtocolParserCheck, RejectsMalformedLines) {
    const auto result = m_parser.parse("peer", "cpu\n"
                                               "cpu a=1,b=2,c=3\n"
                                               "cpu a=1 12x\n"
                                               "cpu a 1\n");

    EXPECT_EQ(result.rejected, 4u);
    EXPECT_EQ(m_metrics.parseErrors({{"format", "line"}, {"reason", "syntax"}}), 2.0);
    EXPECT_EQ(m_metrics.parseErrors({{"format", "line"}, {"reason", "too_many_fields"}}), 1.0);
    EXPECT_EQ(m_metrics.parseErrors({{"format", "line"}, {"reason", "bad_timestamp"}}), 1.0);
}

} // namespace
