#include <ingestd/pipeline/topic_router.hpp>

#include <algorithm>
#include <cstddef>
#include <map>

namespace ingestd::pipeline {
namespace {

void recordTopicCounts(telemetry::IngestMetrics& metrics,
                       const std::map<std::string, std::size_t>& counts) {
    for (const auto& [topic, count] : counts)
        metrics.recordRouted(static_cast<double>(count), {{"topic", topic}});
}

} // namespace

TopicRouter::TopicRouter(telemetry::IngestMetrics& metrics, std::vector<RouteRule> rules)
    : m_metrics(metrics), m_rules(std::move(rules)) {
    std::sort(m_rules.begin(), m_rules.end(), [](const RouteRule& a, const RouteRule& b) {
        return a.prefix.size() > b.prefix.size();
    });
}

const RouteRule* TopicRouter::match(const std::string& measurement) const {
    for (const RouteRule& rule : m_rules)
        if (measurement.rfind(rule.prefix, 0) == 0)
            return &rule;
    return nullptr;
}

void TopicRouter::route(std::vector<Record>& records) const {
    std::map<std::string, std::size_t> counts;
    std::vector<Record> routed;
    routed.reserve(records.size());
    for (Record& record : records) {
        const RouteRule* rule = match(record.measurement);
        if (rule == nullptr) {
            m_metrics.recordUnroutable();
            m_metrics.recordDropped("unroutable");
            continue;
        }
        record.topic = rule->topic;
        ++counts[rule->topic];
        routed.push_back(std::move(record));
    }
    records = std::move(routed);
    recordTopicCounts(m_metrics, counts);
}

} // namespace ingestd::pipeline
