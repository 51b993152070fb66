#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include <ingestd/pipeline/record.hpp>
#include <ingestd/telemetry/ingest_metrics.hpp>

namespace ingestd::pipeline {

struct ParseResult {
    std::vector<Record> records;
    std::size_t rejected = 0;
};

/// Splits a payload into lines and hands each to the concrete format. Counts what it saw.
class ParserBase {
public:
    virtual ~ParserBase() = default;

    ParseResult parse(const std::string& source, std::string_view payload);
    const std::string& format() const { return m_format; }

protected:
    ParserBase(std::string format, telemetry::IngestMetrics& metrics);

    /// Decodes one non-empty line into `out`; on failure returns false and names the reason.
    virtual bool parseLine(std::string_view line, Record& out, std::string& reason) = 0;

    telemetry::IngestMetrics& m_metrics;

private:
    std::string m_format;
};

} // namespace ingestd::pipeline
