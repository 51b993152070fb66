#ifndef STATS_PROM_SINK_H_
#define STATS_PROM_SINK_H_

#include <prometheus/counter.h>
#include <prometheus/family.h>
#include <prometheus/registry.h>

#include <cstddef>
#include <memory>

#include "stats/sink.h"

namespace stats {

class PromSink : public Sink {
 public:
  PromSink();

  void ChunkSent(std::size_t bytes) override;
  void ChunkRefused() override;

 private:
  std::shared_ptr<prometheus::Registry> registry_;
  prometheus::Counter& sent_bytes_;
  prometheus::Counter& refused_;
};

}  // namespace stats

#endif  // STATS_PROM_SINK_H_
