#pragma once

#include <ingestd/pipeline/parser_base.hpp>

namespace ingestd::pipeline {

/// One JSON object per line:
///   {"tenant":"acme","measurement":"cpu","ts":1700000000000,"fields":{"usage":"0.42"}}
/// Nested objects under "fields" are flattened into dotted field names.
class JsonParser : public ParserBase {
public:
    explicit JsonParser(telemetry::IngestMetrics& metrics, int maxDepth = 8);

    /// A whole document holding an array of such objects (the bulk endpoint).
    ParseResult parseDocument(const std::string& source, std::string_view document);

protected:
    bool parseLine(std::string_view line, Record& out, std::string& reason) override;

private:
    int m_maxDepth;
};

} // namespace ingestd::pipeline
