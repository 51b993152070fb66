#include <gtest/gtest.h>

#include <memory>

#include <ingestd/pipeline/decompressor.hpp>

#include <support/registry_probe.hpp>

namespace {

using ingestd::check::sampleCount;
using ingestd::check::sampleValue;
using ingestd::pipeline::Decompressor;
using ingestd::telemetry::IngestMetrics;

class DecompressorCheck : public testing::Test {
protected:
    std::shared_ptr<prometheus::Registry> m_registry = std::make_shared<prometheus::Registry>();
    IngestMetrics m_metrics{m_registry};
    Decompressor m_decompressor{m_metrics};
};

TEST_F(DecompressorCheck, ExpandsRuns) {
    EXPECT_EQ(m_decompressor.decode("rle", "a~3b~1~c"), "abbb~c");
    EXPECT_EQ(m_decompressor.decode("identity", "plain"), "plain");

    EXPECT_EQ(sampleValue(*m_registry, "ingestd_decompressed_bytes_total", {{"codec", "rle"}}),
              6.0);
    EXPECT_EQ(sampleCount(*m_registry, "ingestd_compression_ratio", {{"codec", "identity"}}), 1u);
}

TEST_F(DecompressorCheck, RejectsUnknownCodecsAndTruncatedRuns) {
    EXPECT_FALSE(m_decompressor.decode("zstd", "x"));
    EXPECT_FALSE(m_decompressor.decode("rle", "abc~12"));
    EXPECT_FALSE(m_decompressor.decode("rle", "~x"));

    EXPECT_EQ(m_metrics.parseErrors({{"format", "compressed"}, {"reason", "unknown_codec"}}), 1.0);
    EXPECT_EQ(m_metrics.parseErrors({{"format", "compressed"}, {"reason", "corrupt"}}), 2.0);
}

} // namespace
