#include "net/fetch/fetcher.h"

// Counts `bytes` fetched over `scheme` on `recorder`.
#define COUNT_FETCHED(recorder, scheme, bytes) \
  (recorder)->RecordFetch(scheme, bytes)

// Counts a retry on `recorder`, and whether it was the last one.
#define COUNT_RETRY(recorder, gave_up) recorder->RecordRetry(gave_up)

namespace net {

Fetcher::Fetcher(FetchRecorder* recorder) : recorder_(recorder) {}

int Fetcher::Fetch(const std::string& url) {
  const bool secure = url.rfind("https:", 0) == 0;
  ++attempts_;
  if (attempts_ > 1) {
    COUNT_RETRY(this->recorder_, attempts_ > 2);
  }
  const int bytes = static_cast<int>(url.size()) * 10;
  COUNT_FETCHED(recorder_, secure ? "https" : "http", bytes);
  return bytes;
}

}  // namespace net
