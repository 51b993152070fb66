#include <ingestd/pipeline/json_parser.hpp>

#include <algorithm>
#include <cctype>
#include <string>

namespace ingestd::pipeline {
namespace {

/// Just enough JSON for telemetry points: objects, strings without escapes, numbers and
/// literals. Values are kept as their source text.
class Cursor {
public:
    explicit Cursor(std::string_view text) : m_text(text) {}

    bool object(const std::string& prefix, int depth, Record& out) {
        m_maxDepth = std::max(m_maxDepth, depth);
        skipSpace();
        if (!consume('{'))
            return false;
        skipSpace();
        if (consume('}'))
            return true;
        do {
            std::string name;
            skipSpace();
            if (!string(name))
                return false;
            skipSpace();
            if (!consume(':'))
                return false;
            skipSpace();
            const std::string path = prefix.empty() ? name : prefix + "." + name;
            if (peek() == '{') {
                if (!object(path, depth + 1, out))
                    return false;
            } else {
                std::string value;
                if (!scalar(value))
                    return false;
                assign(prefix, name, path, value, out);
            }
            skipSpace();
        } while (consume(','));
        return consume('}');
    }

    bool atEnd() {
        skipSpace();
        return m_pos == m_text.size();
    }
    bool consume(char c) {
        if (peek() != c)
            return false;
        ++m_pos;
        return true;
    }
    void skipSpace() {
        while (m_pos < m_text.size() && std::isspace(static_cast<unsigned char>(m_text[m_pos])))
            ++m_pos;
    }
    std::size_t position() const { return m_pos; }
    int maxDepth() const { return m_maxDepth; }

private:
    char peek() const { return m_pos < m_text.size() ? m_text[m_pos] : '\0'; }

    bool string(std::string& out) {
        if (!consume('"'))
            return false;
        const auto end = m_text.find('"', m_pos);
        if (end == std::string_view::npos)
            return false;
        out.assign(m_text.substr(m_pos, end - m_pos));
        m_pos = end + 1;
        return true;
    }

    bool scalar(std::string& out) {
        if (peek() == '"')
            return string(out);
        const std::size_t start = m_pos;
        while (m_pos < m_text.size() && m_text[m_pos] != ',' && m_text[m_pos] != '}' &&
               !std::isspace(static_cast<unsigned char>(m_text[m_pos])))
            ++m_pos;
        out.assign(m_text.substr(start, m_pos - start));
        return !out.empty();
    }

    static void assign(const std::string& prefix, const std::string& name, const std::string& path,
                       const std::string& value, Record& out) {
        if (prefix.empty() && name == "tenant")
            out.tenant = value;
        else if (prefix.empty() && name == "measurement")
            out.measurement = value;
        else if (prefix.empty() && name == "ts")
            out.timestampMs = std::stoll(value);
        else if (path.rfind("fields.", 0) == 0)
            out.fields[path.substr(7)] = value;
        else
            out.fields[path] = value;
    }

    std::string_view m_text;
    std::size_t m_pos = 0;
    int m_maxDepth = 0;
};

} // namespace

JsonParser::JsonParser(telemetry::IngestMetrics& metrics, int maxDepth)
    : ParserBase("json", metrics), m_maxDepth(maxDepth) {}

bool JsonParser::parseLine(std::string_view line, Record& out, std::string& reason) {
    Cursor cursor(line);
    if (!cursor.object("", 1, out) || !cursor.atEnd()) {
        reason = "syntax";
        return false;
    }
    if (cursor.maxDepth() > m_maxDepth) {
        reason = "too_deep";
        return false;
    }
    if (out.measurement.empty()) {
        reason = "missing_measurement";
        return false;
    }
    m_metrics.observeJsonDepth(cursor.maxDepth());
    return true;
}

ParseResult JsonParser::parseDocument(const std::string& source, std::string_view document) {
    const auto open = document.find_first_not_of(" \t\r\n");
    const auto close = document.find_last_not_of(" \t\r\n");
    prometheus::Labels labels{{"format", format()}};
    if (open == std::string_view::npos || document[open] != '[' || document[close] != ']') {
        labels.emplace("reason", "not_an_array");
        m_metrics.recordParseError(labels);
        return {};
    }
    // Objects in the array hold no '}' in strings, so splitting at "}," is enough here.
    std::string lines(document.substr(open + 1, close - open - 1));
    for (std::size_t at = lines.find("},"); at != std::string::npos; at = lines.find("},", at))
        lines.replace(at, 2, "}\n");
    return parse(source, lines);
}

} // namespace ingestd::pipeline
