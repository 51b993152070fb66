#pragma once

#include <memory>
#include <string>
#include <utility>

#include <prometheus/counter.h>
#include <prometheus/family.h>
#include <prometheus/gauge.h>
#include <prometheus/registry.h>

namespace relay {

class Metrics {
public:
  explicit Metrics(std::shared_ptr<prometheus::Registry> registry);

  void count_frames(prometheus::Labels tags = {}, double n = 1) {
    frames_.Add(std::move(tags)).Increment(n);
  }
  void set_peers(const std::string& pool, double peers) {
    peers_.Add({{"pool", pool}}).Set(peers);
  }

private:
  std::shared_ptr<prometheus::Registry> registry_;
  prometheus::Family<prometheus::Counter>& frames_;
  prometheus::Family<prometheus::Gauge>& peers_;
};

}  // namespace relay
