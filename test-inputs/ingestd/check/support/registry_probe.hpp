#pragma once

#include <cstdint>
#include <string>

#include <prometheus/labels.h>
#include <prometheus/metric_family.h>
#include <prometheus/registry.h>

namespace ingestd::check {

/// Finds one sample in what the registry would expose: the family by name, the metric by its
/// exact label set. Null when either is missing.
inline const prometheus::ClientMetric* findMetric(const std::vector<prometheus::MetricFamily>& all,
                                                  const std::string& family,
                                                  const prometheus::Labels& labels) {
    for (const prometheus::MetricFamily& candidate : all) {
        if (candidate.name != family)
            continue;
        for (const prometheus::ClientMetric& metric : candidate.metric) {
            prometheus::Labels found;
            for (const auto& label : metric.label)
                found.emplace(label.name, label.value);
            if (found == labels)
                return &metric;
        }
    }
    return nullptr;
}

/// Counter or gauge value; 0 when the sample does not exist yet.
inline double sampleValue(const prometheus::Registry& registry, const std::string& family,
                          const prometheus::Labels& labels = {}) {
    const auto all = registry.Collect();
    const prometheus::ClientMetric* metric = findMetric(all, family, labels);
    if (metric == nullptr)
        return 0.0;
    return metric->counter.value + metric->gauge.value;
}

/// Observations of a histogram or summary; 0 when the sample does not exist yet.
inline std::uint64_t sampleCount(const prometheus::Registry& registry, const std::string& family,
                                 const prometheus::Labels& labels = {}) {
    const auto all = registry.Collect();
    const prometheus::ClientMetric* metric = findMetric(all, family, labels);
    if (metric == nullptr)
        return 0;
    return metric->histogram.sample_count + metric->summary.sample_count;
}

inline double sampleSum(const prometheus::Registry& registry, const std::string& family,
                        const prometheus::Labels& labels = {}) {
    const auto all = registry.Collect();
    const prometheus::ClientMetric* metric = findMetric(all, family, labels);
    if (metric == nullptr)
        return 0.0;
    return metric->histogram.sample_sum + metric->summary.sample_sum;
}

} // namespace ingestd::check
