#include "net/fetch/fetcher.h"
#include <prometheus/counter.h>
#include <prometheus/family.h>
#include "net/metrics/registry.h"

// Counts `bytes` fetched over `scheme` on `recorder`.
#define COUNT_FETCHED(scheme, bytes) \
  NET_FETCHED_BYTES_TOTAL.Add({{"scheme", scheme}}).Increment(bytes)

// Counts a retry on `recorder`, and whether it was the last one.
#define COUNT_RETRY(gave_up)                                 \
  NET_FETCH_RETRIES_TOTAL                                    \
      .Add({{"outcome", (gave_up) ? "gave_up" : "retried"}}) \
      .Increment()

namespace net {

prometheus::Family<prometheus::Counter>& NET_FETCH_RETRIES_TOTAL =
    prometheus::BuildCounter()
        .Name("net_fetch_retries_total")
        .Help("Fetch retries, by outcome")
        .Register(net::metrics::DefaultRegistry());

prometheus::Family<prometheus::Counter>& NET_FETCHED_BYTES_TOTAL =
    prometheus::BuildCounter()
        .Name("net_fetched_bytes_total")
        .Help("Bytes fetched, by scheme")
        .Register(net::metrics::DefaultRegistry());

Fetcher::Fetcher() {}

int Fetcher::Fetch(const std::string& url) {
  const bool secure = url.rfind("https:", 0) == 0;
  ++attempts_;
  if (attempts_ > 1) {
    COUNT_RETRY(attempts_ > 2);
  }
  const int bytes = static_cast<int>(url.size()) * 10;
  COUNT_FETCHED(secure ? "https" : "http", bytes);
  return bytes;
}

}  // namespace net
