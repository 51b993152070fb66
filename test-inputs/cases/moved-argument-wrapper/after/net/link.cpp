#include "net/link.h"
#include "telemetry/registry.h"

#include <prometheus/counter.h>
#include <prometheus/family.h>
#include <prometheus/gauge.h>
#include <utility>

namespace relay {

prometheus::Family<prometheus::Counter>& RELAY_FRAMES_TOTAL =
    prometheus::BuildCounter()
        .Name("relay_frames_total")
        .Help("Frames relayed")
        .Register(relay::telemetry::registry());

prometheus::Family<prometheus::Gauge>& RELAY_PEERS =
    prometheus::BuildGauge()
        .Name("relay_peers")
        .Help("Connected peers")
        .Register(relay::telemetry::registry());

Link::Link(std::string pool) : pool_(std::move(pool)) {}

void Link::on_frame(const std::string& kind) {
  RELAY_FRAMES_TOTAL.Add({{"kind", kind}}).Increment(1);
}

void Link::on_batch(int n) {
  prometheus::Labels tags{{"kind", "batch"}};
  RELAY_FRAMES_TOTAL.Add(tags).Increment(n);
  tags.emplace("pool", pool_);
  RELAY_FRAMES_TOTAL.Add(std::move(tags)).Increment(n);
}

void Link::on_idle() {
  RELAY_FRAMES_TOTAL.Add({}).Increment(1);
  RELAY_PEERS.Add({{"pool", pool_}}).Set(0);
}

}  // namespace relay
