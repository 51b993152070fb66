#include "net/metrics/fetch_recorder.h"

namespace net {

FetchRecorder::FetchRecorder()
    : registry_(std::make_shared<prometheus::Registry>()),
      fetched_bytes_(prometheus::BuildCounter()
                         .Name("net_fetched_bytes_total")
                         .Help("Bytes fetched, by scheme")
                         .Register(*registry_)),
      retries_(prometheus::BuildCounter()
                   .Name("net_fetch_retries_total")
                   .Help("Fetch retries, by outcome")
                   .Register(*registry_)) {}

void FetchRecorder::RecordFetch(const std::string& scheme, double bytes) {
  fetched_bytes_.Add({{"scheme", scheme}}).Increment(bytes);
}

void FetchRecorder::RecordRetry(bool gave_up) {
  retries_.Add({{"outcome", gave_up ? "gave_up" : "retried"}}).Increment();
}

}  // namespace net
