#ifndef NET_FETCH_FETCHER_H_
#define NET_FETCH_FETCHER_H_

#include <prometheus/counter.h>
#include <prometheus/family.h>
#include <string>

namespace net {

extern prometheus::Family<prometheus::Counter>& NET_FETCH_RETRIES_TOTAL;

extern prometheus::Family<prometheus::Counter>& NET_FETCHED_BYTES_TOTAL;

class Fetcher {
 public:
  Fetcher();
  Fetcher(const Fetcher&) = delete;
  Fetcher& operator=(const Fetcher&) = delete;

  // Returns the number of bytes fetched from `url`.
  int Fetch(const std::string& url);

 private:
  int attempts_ = 0;
};

}  // namespace net

#endif  // NET_FETCH_FETCHER_H_
