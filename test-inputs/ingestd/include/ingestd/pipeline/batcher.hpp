#pragma once

#include <cstddef>
#include <functional>
#include <string>
#include <utility>

#include <ingestd/pipeline/record.hpp>

namespace ingestd::pipeline {

struct BatcherOptions {
    std::string format = "json";
    std::size_t maxRecords = 100;
    double maxAgeSeconds = 5.0;
};

/// Collects records and hands them on in batches: when full, when the oldest record is too old,
/// and once more on close. `Metrics` is anything with recordBatchFlushed/setPendingRecords.
template <class Metrics> class Batcher {
public:
    using Flush = std::function<void(Batch&&)>;

    Batcher(Metrics& metrics, BatcherOptions options, Flush flush)
        : m_metrics(metrics), m_options(std::move(options)), m_flush(std::move(flush)) {
        m_pending.format = m_options.format;
    }

    void add(Record record, double now) {
        if (m_pending.records.empty())
            m_oldest = now;
        m_pending.records.push_back(std::move(record));
        m_metrics.setPendingRecords(m_pending.records.size());
        if (m_pending.records.size() >= m_options.maxRecords)
            flush("size");
    }

    /// Flushes when the oldest pending record has waited long enough.
    void tick(double now) {
        if (!m_pending.records.empty() && now - m_oldest >= m_options.maxAgeSeconds)
            flush("age");
    }

    void close() { flush("shutdown"); }

    std::size_t pending() const { return m_pending.records.size(); }

private:
    void flush(const char* reason) {
        Batch batch;
        batch.format = m_options.format;
        std::swap(batch, m_pending);
        m_metrics.recordBatchFlushed(reason, batch.records.size());
        m_metrics.setPendingRecords(0);
        if (!batch.records.empty())
            m_flush(std::move(batch));
    }

    Metrics& m_metrics;
    BatcherOptions m_options;
    Flush m_flush;
    Batch m_pending;
    double m_oldest = 0.0;
};

} // namespace ingestd::pipeline
