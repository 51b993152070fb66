#pragma once

#include <cstddef>

#include <ingestd/pipeline/parser_base.hpp>

namespace ingestd::pipeline {

/// Influx-style line protocol:
///   cpu,tenant=acme,host=db1 usage=0.42,steal=0.01 1700000000000
/// Tags and fields both end up in Record::fields; the "tenant" tag names the owner.
class LineProtocolParser : public ParserBase {
public:
    LineProtocolParser(telemetry::IngestMetrics& metrics, std::size_t maxFields = 64);

protected:
    bool parseLine(std::string_view line, Record& out, std::string& reason) override;

private:
    std::size_t m_maxFields;
};

} // namespace ingestd::pipeline
