#ifndef STATS_SINK_H_
#define STATS_SINK_H_

#include <cstddef>

#include "net/limits.h"

namespace stats {

// What the uploader reports.
class Sink {
 public:
  virtual ~Sink() = default;

  virtual void ChunkSent(std::size_t bytes) = 0;
  virtual void ChunkRefused() = 0;
};

}  // namespace stats

#endif  // STATS_SINK_H_
