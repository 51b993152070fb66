#include <ingestd/pipeline/record.hpp>

#include <sstream>

namespace ingestd::pipeline {

std::string Record::key() const {
    std::ostringstream out;
    out << tenant << '/' << measurement << '@' << timestampMs;
    for (const auto& [name, value] : fields)
        out << ';' << name << '=' << value;
    return out.str();
}

std::string Batch::encode() const {
    std::ostringstream out;
    for (const Record& record : records)
        out << record.topic << ' ' << record.key() << '\n';
    return out.str();
}

std::size_t Batch::encodedSize() const {
    return encode().size();
}

} // namespace ingestd::pipeline
