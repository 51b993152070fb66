#include "net/uploader.h"
#include "stats/process_registry.h"
#include <prometheus/counter.h>
#include <prometheus/family.h>

namespace net {

prometheus::Counter& UPLOAD_REFUSED_TOTAL =
    prometheus::BuildCounter()
        .Name("upload_refused_total")
        .Help("Chunks refused for their size")
        .Register(stats::ProcessRegistry())
        .Add({});

prometheus::Counter& UPLOAD_SENT_BYTES_TOTAL =
    prometheus::BuildCounter()
        .Name("upload_sent_bytes_total")
        .Help("Bytes uploaded")
        .Register(stats::ProcessRegistry())
        .Add({});

bool Uploader::Send(std::size_t bytes) {
  if (bytes > kMaxChunkBytes) {
    UPLOAD_REFUSED_TOTAL.Increment();
    return false;
  }
  UPLOAD_SENT_BYTES_TOTAL.Increment(static_cast<double>(bytes));
  return true;
}

}  // namespace net
