#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include <ingestd/pipeline/record.hpp>
#include <ingestd/telemetry/ingest_metrics.hpp>

namespace ingestd::pipeline {

struct RetryPolicy {
    int maxAttempts = 4;
    double initialBackoffSeconds = 0.5;
    double multiplier = 2.0;
    std::size_t capacity = 64;
};

/// A batch waiting for its next delivery attempt.
struct PendingRetry {
    Batch batch;
    std::string sink;
    int attempt = 0;
    double dueAt = 0.0;
};

/// Failed batches wait here with exponential backoff until they are due or out of attempts.
/// Metrics are optional: the replay tool runs the queue without any.
class RetryQueue {
public:
    explicit RetryQueue(RetryPolicy policy, telemetry::IngestMetrics* metrics = nullptr);

    /// Queues the batch for attempt `attempt + 1`; false when it was dropped instead.
    bool schedule(Batch batch, const std::string& sink, int attempt, double now);
    /// Removes and returns every retry due at `now`.
    std::vector<PendingRetry> takeDue(double now);
    std::size_t size() const { return m_pending.size(); }

private:
    double backoffFor(int attempt) const;

    RetryPolicy m_policy;
    telemetry::IngestMetrics* m_metrics;
    std::vector<PendingRetry> m_pending;
};

} // namespace ingestd::pipeline
