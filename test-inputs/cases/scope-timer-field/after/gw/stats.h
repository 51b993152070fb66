#pragma once

#include <prometheus/histogram.h>
#include <prometheus/registry.h>

#include <memory>

#include "gw/istats.h"

namespace gw {

class Stats : public IStats {
 public:
  Stats();

  void latency(double seconds) override;

 private:
  std::shared_ptr<prometheus::Registry> registry_;
  prometheus::Histogram &latency_;
};

}  // namespace gw
