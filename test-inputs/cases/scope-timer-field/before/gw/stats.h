#pragma once

#include <prometheus/counter.h>
#include <prometheus/histogram.h>
#include <prometheus/registry.h>

#include <memory>

#include "gw/istats.h"

namespace gw {

class Stats : public IStats {
 public:
  Stats();

  void request_seen() override;
  void latency(double seconds) override;

 private:
  std::shared_ptr<prometheus::Registry> registry_;
  prometheus::Counter& requests_;
  prometheus::Histogram& latency_;
};

}  // namespace gw
