#include "stats/prom_sink.h"

namespace stats {

PromSink::PromSink()
    : registry_(std::make_shared<prometheus::Registry>()),
      sent_bytes_(prometheus::BuildCounter()
                      .Name("upload_sent_bytes_total")
                      .Help("Bytes uploaded")
                      .Register(*registry_)
                      .Add({})),
      refused_(prometheus::BuildCounter()
                   .Name("upload_refused_total")
                   .Help("Chunks refused for their size")
                   .Register(*registry_)
                   .Add({})) {}

void PromSink::ChunkSent(std::size_t bytes) {
  sent_bytes_.Increment(static_cast<double>(bytes));
}

void PromSink::ChunkRefused() { refused_.Increment(); }

}  // namespace stats
