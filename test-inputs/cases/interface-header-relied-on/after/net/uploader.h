#ifndef NET_UPLOADER_H_
#define NET_UPLOADER_H_

#include <cstddef>
#include <prometheus/counter.h>
#include <prometheus/family.h>

#include "stats/sink.h"

namespace net {

extern prometheus::Counter& UPLOAD_REFUSED_TOTAL;

extern prometheus::Counter& UPLOAD_SENT_BYTES_TOTAL;

// Sends chunks to the peer. Relies on stats/sink.h for net/limits.h.
class Uploader {
 public:
  Uploader() {}

  bool Send(std::size_t bytes);
};

}  // namespace net

#endif  // NET_UPLOADER_H_
