#include <ingestd/schema/schema_registry.hpp>

#include <algorithm>
#include <utility>

namespace ingestd::schema {
namespace {

bool keepsRequiredFields(const Schema& before, const Schema& after) {
    return std::includes(after.requiredFields.begin(), after.requiredFields.end(),
                         before.requiredFields.begin(), before.requiredFields.end());
}

} // namespace

inline namespace v2 {

SchemaRegistry::SchemaRegistry(telemetry::IngestMetrics& metrics) : m_metrics(metrics) {
    m_metrics.setSchemasRegistered(0);
}

bool SchemaRegistry::registerSchema(Schema schema) {
    const auto existing = m_schemas.find(schema.measurement);
    if (existing != m_schemas.end()) {
        if (!keepsRequiredFields(existing->second, schema)) {
            m_metrics.recordSchemaCompatFailure();
            return false;
        }
        schema.version = existing->second.version + 1;
    }
    const std::string measurement = schema.measurement;
    m_schemas[measurement] = std::move(schema);
    m_metrics.setSchemasRegistered(m_schemas.size());
    return true;
}

const Schema* SchemaRegistry::lookup(const std::string& measurement) const {
    const auto found = m_schemas.find(measurement);
    const bool hit = found != m_schemas.end();
    m_metrics.recordSchemaLookup(hit);
    return hit ? &found->second : nullptr;
}

bool SchemaRegistry::validate(const pipeline::Record& record) const {
    const Schema* schema = lookup(record.measurement);
    if (schema == nullptr)
        return false;
    for (const std::string& field : schema->requiredFields) {
        if (record.fields.count(field) == 0) {
            m_metrics.recordSchemaCompatFailure();
            return false;
        }
    }
    return true;
}

} // namespace v2
} // namespace ingestd::schema
