#include <ingestd/pipeline/parser_base.hpp>

#include <utility>

namespace ingestd::pipeline {
namespace {

std::string_view trim(std::string_view text) {
    const auto first = text.find_first_not_of(" \t\r");
    if (first == std::string_view::npos)
        return {};
    const auto last = text.find_last_not_of(" \t\r");
    return text.substr(first, last - first + 1);
}

} // namespace

ParserBase::ParserBase(std::string format, telemetry::IngestMetrics& metrics)
    : m_metrics(metrics), m_format(std::move(format)) {}

ParseResult ParserBase::parse(const std::string& source, std::string_view payload) {
    ParseResult result;
    const prometheus::Labels labels{{"format", m_format}};
    std::size_t start = 0;
    while (start <= payload.size()) {
        auto end = payload.find('\n', start);
        if (end == std::string_view::npos)
            end = payload.size();
        const std::string_view line = trim(payload.substr(start, end - start));
        start = end + 1;
        if (line.empty() || line.front() == '#')
            continue;
        Record record;
        record.source = source;
        std::string reason;
        if (parseLine(line, record, reason)) {
            result.records.push_back(std::move(record));
        } else {
            ++result.rejected;
            m_metrics.recordParseError({{"format", m_format}, {"reason", reason}});
        }
    }
    m_metrics.recordBytesParsed(static_cast<double>(payload.size()), labels);
    m_metrics.recordRecordsParsed(m_format, result.records.size());
    return result;
}

} // namespace ingestd::pipeline
