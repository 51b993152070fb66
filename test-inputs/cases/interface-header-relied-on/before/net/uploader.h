#ifndef NET_UPLOADER_H_
#define NET_UPLOADER_H_

#include <cstddef>

#include "stats/sink.h"

namespace net {

// Sends chunks to the peer. Relies on stats/sink.h for net/limits.h.
class Uploader {
 public:
  explicit Uploader(stats::Sink* sink) : sink_(sink) {}

  bool Send(std::size_t bytes);

 private:
  stats::Sink* sink_;
};

}  // namespace net

#endif  // NET_UPLOADER_H_
