#pragma once

#include <memory>

#include <prometheus/registry.h>

namespace ingestd {

/// The process-wide registry: the /metrics endpoint and dump_metrics serialize this one.
prometheus::Registry& metricsRegistry();

/// The same registry, for owners that want to share it (IngestMetrics keeps one).
std::shared_ptr<prometheus::Registry> metricsRegistryHandle();

} // namespace ingestd
