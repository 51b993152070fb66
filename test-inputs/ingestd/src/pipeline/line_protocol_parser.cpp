#include <ingestd/pipeline/line_protocol_parser.hpp>

#include <cctype>
#include <string>
#include <vector>

namespace ingestd::pipeline {
namespace {

std::vector<std::string_view> split(std::string_view text, char separator) {
    std::vector<std::string_view> parts;
    std::size_t start = 0;
    for (;;) {
        const auto end = text.find(separator, start);
        parts.push_back(text.substr(start, end - start));
        if (end == std::string_view::npos)
            return parts;
        start = end + 1;
    }
}

bool allDigits(std::string_view text) {
    if (text.empty())
        return false;
    for (const char c : text)
        if (!std::isdigit(static_cast<unsigned char>(c)))
            return false;
    return true;
}

/// Adds "name=value" pairs to the record; false when one has no '='.
bool addPairs(const std::vector<std::string_view>& pairs, Record& out) {
    for (const std::string_view pair : pairs) {
        const auto eq = pair.find('=');
        if (eq == std::string_view::npos || eq == 0)
            return false;
        const std::string name(pair.substr(0, eq));
        const std::string value(pair.substr(eq + 1));
        if (name == "tenant")
            out.tenant = value;
        else
            out.fields[name] = value;
    }
    return true;
}

} // namespace

LineProtocolParser::LineProtocolParser(telemetry::IngestMetrics& metrics, std::size_t maxFields)
    : ParserBase("line", metrics), m_maxFields(maxFields) {}

bool LineProtocolParser::parseLine(std::string_view line, Record& out, std::string& reason) {
    const std::vector<std::string_view> sections = split(line, ' ');
    if (sections.size() < 2 || sections.size() > 3) {
        reason = "syntax";
        return false;
    }
    std::vector<std::string_view> series = split(sections[0], ',');
    out.measurement = std::string(series.front());
    series.erase(series.begin());
    if (out.measurement.empty() || !addPairs(series, out)) {
        reason = "syntax";
        return false;
    }
    const std::vector<std::string_view> fields = split(sections[1], ',');
    if (fields.size() > m_maxFields) {
        reason = "too_many_fields";
        return false;
    }
    if (!addPairs(fields, out)) {
        reason = "syntax";
        return false;
    }
    if (sections.size() == 3) {
        if (!allDigits(sections[2])) {
            reason = "bad_timestamp";
            return false;
        }
        out.timestampMs = std::stoll(std::string(sections[2]));
    }
    m_metrics.observeLineFields(fields.size());
    return true;
}

} // namespace ingestd::pipeline
