#ifndef NET_FETCH_FETCHER_H_
#define NET_FETCH_FETCHER_H_

#include <string>

#include "net/metrics/fetch_recorder.h"

namespace net {

class Fetcher {
 public:
  explicit Fetcher(FetchRecorder* recorder);
  Fetcher(const Fetcher&) = delete;
  Fetcher& operator=(const Fetcher&) = delete;

  // Returns the number of bytes fetched from `url`.
  int Fetch(const std::string& url);

 private:
  FetchRecorder* recorder_;
  int attempts_ = 0;
};

}  // namespace net

#endif  // NET_FETCH_FETCHER_H_
