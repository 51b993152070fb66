#include <ingestd/pipeline/deduplicator.hpp>

#include <utility>

namespace ingestd::pipeline {

Deduplicator::Deduplicator(std::shared_ptr<telemetry::IngestMetrics> metrics, std::size_t window)
    : m_metrics(std::move(metrics)), m_window(window) {}

bool Deduplicator::admit(const Record& record) {
    std::string key = record.key();
    if (m_seen.count(key) != 0) {
        const prometheus::Labels labels{{"source", record.source}};
        m_metrics->recordDuplicateDropped(labels);
        return false;
    }
    m_order.push_back(key);
    m_seen.insert(std::move(key));
    while (m_order.size() > m_window)
        forgetOldest();
    m_metrics->setDedupWindowEntries(m_order.size());
    return true;
}

void Deduplicator::forgetOldest() {
    m_seen.erase(m_order.front());
    m_order.pop_front();
}

} // namespace ingestd::pipeline
