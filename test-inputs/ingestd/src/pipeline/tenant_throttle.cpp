#include <ingestd/pipeline/tenant_throttle.hpp>

#include <algorithm>

namespace ingestd::pipeline {
namespace {

const char* const kAnonymousTenant = "anonymous";

} // namespace

TenantThrottle::TenantThrottle(telemetry::IngestMetrics& metrics, double ratePerSecond,
                               double burst)
    : m_metrics(metrics), m_rate(ratePerSecond), m_burst(burst) {}

bool TenantThrottle::admit(const std::string& tenant, double now) {
    const std::string name = tenant.empty() ? kAnonymousTenant : tenant;
    auto [it, inserted] = m_buckets.try_emplace(name);
    Bucket& bucket = it->second;
    if (inserted)
        bucket = {m_burst, now};
    bucket.tokens = std::min(m_burst, bucket.tokens + (now - bucket.updatedAt) * m_rate);
    bucket.updatedAt = now;

    prometheus::Labels labels{{"tenant", name}};
    if (bucket.tokens < 1.0) {
        labels["decision"] = "throttled";
        m_metrics.recordTenantRequest(labels);
        m_metrics.recordDropped("throttled");
        return false;
    }
    bucket.tokens -= 1.0;
    labels["decision"] = "admitted";
    m_metrics.recordTenantRequest(labels);
    return true;
}

} // namespace ingestd::pipeline
