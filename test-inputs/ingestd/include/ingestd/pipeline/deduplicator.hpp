#pragma once

#include <cstddef>
#include <deque>
#include <memory>
#include <set>
#include <string>

#include <ingestd/pipeline/record.hpp>
#include <ingestd/telemetry/ingest_metrics.hpp>

namespace ingestd::pipeline {

/// Drops records already seen among the last `window` keys (clients retry whole payloads).
class Deduplicator {
public:
    Deduplicator(std::shared_ptr<telemetry::IngestMetrics> metrics, std::size_t window);

    /// False when the record is a duplicate and must be dropped.
    bool admit(const Record& record);
    std::size_t size() const { return m_order.size(); }

private:
    void forgetOldest();

    std::shared_ptr<telemetry::IngestMetrics> m_metrics;
    std::size_t m_window;
    std::deque<std::string> m_order;
    std::set<std::string> m_seen;
};

} // namespace ingestd::pipeline
