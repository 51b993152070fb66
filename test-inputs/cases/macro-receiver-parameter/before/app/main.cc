#include <prometheus/text_serializer.h>

#include <string>

#include "net/fetch/fetcher.h"
#include "net/metrics/fetch_recorder.h"

int main() {
  net::FetchRecorder recorder;
  net::Fetcher fetcher(&recorder);
  int total = 0;
  for (const char* url : {"https://a", "http://bb", "https://c"}) {
    total += fetcher.Fetch(url);
  }
  if (total != 270) {
    return 1;
  }
  const std::string text =
      prometheus::TextSerializer().Serialize(recorder.registry()->Collect());
  for (const char* line : {"net_fetched_bytes_total{scheme=\"https\"} 180",
                           "net_fetched_bytes_total{scheme=\"http\"} 90",
                           "net_fetch_retries_total{outcome=\"retried\"} 1",
                           "net_fetch_retries_total{outcome=\"gave_up\"} 1"}) {
    if (text.find(line) == std::string::npos) {
      return 2;
    }
  }
  return 0;
}
