#pragma once

#include <memory>
#include <prometheus/counter.h>
#include <prometheus/family.h>
#include <prometheus/gauge.h>
#include <string>

namespace relay {

extern prometheus::Family<prometheus::Counter>& RELAY_FRAMES_TOTAL;

extern prometheus::Family<prometheus::Gauge>& RELAY_PEERS;

class Link {
public:
  explicit Link(std::string pool);
  void on_frame(const std::string& kind);
  void on_batch(int n);
  void on_idle();

private:
  std::string pool_;
};

}  // namespace relay
