#ifndef STATS_PROM_SINK_H_
#define STATS_PROM_SINK_H_

#include <prometheus/registry.h>

#include <cstddef>
#include <memory>

#include "stats/sink.h"

namespace stats {

class PromSink {
 public:
  PromSink();

 private:
  std::shared_ptr<prometheus::Registry> registry_;
};

}  // namespace stats

#endif  // STATS_PROM_SINK_H_
