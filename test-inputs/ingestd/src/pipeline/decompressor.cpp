#include <ingestd/pipeline/decompressor.hpp>

#include <cctype>

namespace ingestd::pipeline {
namespace {

/// "~12-~3a b" -> twelve '-', "aaa", " b": '~', a repeat count and the character to repeat.
/// A literal '~' is written "~1~".
std::optional<std::string> expandRunLength(std::string_view body) {
    std::string plain;
    std::size_t at = 0;
    while (at < body.size()) {
        if (body[at] != '~') {
            plain.push_back(body[at++]);
            continue;
        }
        std::size_t count = 0;
        std::size_t digits = 0;
        for (++at; at < body.size() && std::isdigit(static_cast<unsigned char>(body[at]));
             ++at, ++digits)
            count = count * 10 + static_cast<std::size_t>(body[at] - '0');
        if (digits == 0 || at == body.size())
            return std::nullopt;
        plain.append(count, body[at++]);
    }
    return plain;
}

} // namespace

std::optional<std::string> Decompressor::decode(const std::string& codec, std::string_view body) {
    std::optional<std::string> plain;
    if (codec == "identity")
        plain = std::string(body);
    else if (codec == "rle")
        plain = expandRunLength(body);
    else {
        m_metrics.recordParseError({{"format", "compressed"}, {"reason", "unknown_codec"}});
        return std::nullopt;
    }
    if (!plain) {
        m_metrics.recordParseError({{"format", "compressed"}, {"reason", "corrupt"}});
        return std::nullopt;
    }
    m_metrics.recordDecompressed(codec, body.size(), plain->size());
    return plain;
}

} // namespace ingestd::pipeline
