#include <ingestd/pipeline/retry_queue.hpp>

#include <algorithm>
#include <iterator>
#include <utility>

#include <ingestd/telemetry/with_metrics.hpp>

namespace ingestd::pipeline {

RetryQueue::RetryQueue(RetryPolicy policy, telemetry::IngestMetrics* metrics)
    : m_policy(policy), m_metrics(metrics) {}

double RetryQueue::backoffFor(int attempt) const {
    double backoff = m_policy.initialBackoffSeconds;
    for (int i = 1; i < attempt; ++i)
        backoff *= m_policy.multiplier;
    return backoff;
}

bool RetryQueue::schedule(Batch batch, const std::string& sink, int attempt, double now) {
    const std::size_t records = batch.records.size();
    if (attempt >= m_policy.maxAttempts) {
        withMetrics(m_metrics, [&](telemetry::IngestMetrics& m) {
            m.recordDropped("retries_exhausted", records);
        });
        return false;
    }
    if (m_pending.size() >= m_policy.capacity) {
        withMetrics(m_metrics,
                    [records](auto& m) { m.recordDropped("retry_queue_full", records); });
        return false;
    }
    const double backoff = backoffFor(attempt + 1);
    m_pending.push_back({std::move(batch), sink, attempt + 1, now + backoff});
    withMetrics(m_metrics, [&](telemetry::IngestMetrics& m) {
        m.recordRetryScheduled(sink, backoff);
        m.setRetryQueueDepth(m_pending.size());
    });
    return true;
}

std::vector<PendingRetry> RetryQueue::takeDue(double now) {
    const auto notDue =
        std::stable_partition(m_pending.begin(), m_pending.end(),
                              [now](const PendingRetry& retry) { return retry.dueAt > now; });
    std::vector<PendingRetry> due(std::make_move_iterator(notDue),
                                  std::make_move_iterator(m_pending.end()));
    m_pending.erase(notDue, m_pending.end());
    if (m_metrics != nullptr)
        m_metrics->setRetryQueueDepth(m_pending.size());
    return due;
}

} // namespace ingestd::pipeline
