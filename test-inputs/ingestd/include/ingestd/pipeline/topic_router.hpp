#pragma once

#include <string>
#include <utility>
#include <vector>

#include <ingestd/pipeline/record.hpp>
#include <ingestd/telemetry/ingest_metrics.hpp>

namespace ingestd::pipeline {

/// Measurement prefix -> topic. The longest matching prefix wins.
struct RouteRule {
    std::string prefix;
    std::string topic;
};

class TopicRouter {
public:
    TopicRouter(telemetry::IngestMetrics& metrics, std::vector<RouteRule> rules);

    /// Sets Record::topic on every record a rule matches and removes the others.
    void route(std::vector<Record>& records) const;

private:
    const RouteRule* match(const std::string& measurement) const;

    telemetry::IngestMetrics& m_metrics;
    std::vector<RouteRule> m_rules;
};

} // namespace ingestd::pipeline
