#pragma once

#include <map>
#include <string>

#include <ingestd/telemetry/ingest_metrics.hpp>

namespace ingestd::pipeline {

/// A token bucket per tenant: `ratePerSecond` records per second, bursts up to `burst`.
class TenantThrottle {
public:
    TenantThrottle(telemetry::IngestMetrics& metrics, double ratePerSecond, double burst);

    bool admit(const std::string& tenant, double now);

private:
    struct Bucket {
        double tokens = 0.0;
        double updatedAt = 0.0;
    };

    telemetry::IngestMetrics& m_metrics;
    double m_rate;
    double m_burst;
    std::map<std::string, Bucket> m_buckets;
};

} // namespace ingestd::pipeline
