#pragma once

#include <map>
#include <set>
#include <string>

#include <ingestd/pipeline/record.hpp>
#include <ingestd/telemetry/ingest_metrics.hpp>

namespace ingestd::schema {

// v2 added required fields; v1 schemas (names only) are gone.
inline namespace v2 {

struct Schema {
    std::string measurement;
    std::set<std::string> requiredFields;
    int version = 1;
};

/// Known measurements and the fields their records must carry.
class SchemaRegistry {
public:
    explicit SchemaRegistry(telemetry::IngestMetrics& metrics);

    /// Adds or replaces a schema; a replacement must keep every required field of the old one.
    bool registerSchema(Schema schema);
    const Schema* lookup(const std::string& measurement) const;
    /// True when the record's measurement is known and carries every required field.
    bool validate(const pipeline::Record& record) const;
    std::size_t size() const { return m_schemas.size(); }

private:
    telemetry::IngestMetrics& m_metrics;
    std::map<std::string, Schema> m_schemas;
};

} // namespace v2
} // namespace ingestd::schema
