#include "telemetry/metrics.h"

namespace relay {

Metrics::Metrics(std::shared_ptr<prometheus::Registry> registry)
    : registry_(std::move(registry)),
      frames_(prometheus::BuildCounter().Name("relay_frames_total").Help("Frames relayed").Register(*registry_)),
      peers_(prometheus::BuildGauge().Name("relay_peers").Help("Connected peers").Register(*registry_)) {}

}  // namespace relay
