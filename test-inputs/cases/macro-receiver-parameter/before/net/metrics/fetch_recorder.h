#ifndef NET_METRICS_FETCH_RECORDER_H_
#define NET_METRICS_FETCH_RECORDER_H_

#include <prometheus/counter.h>
#include <prometheus/family.h>
#include <prometheus/registry.h>

#include <memory>
#include <string>

namespace net {

class FetchRecorder {
 public:
  FetchRecorder();
  FetchRecorder(const FetchRecorder&) = delete;
  FetchRecorder& operator=(const FetchRecorder&) = delete;

  void RecordFetch(const std::string& scheme, double bytes);
  void RecordRetry(bool gave_up);

  std::shared_ptr<prometheus::Registry> registry() const { return registry_; }

 private:
  std::shared_ptr<prometheus::Registry> registry_;
  prometheus::Family<prometheus::Counter>& fetched_bytes_;
  prometheus::Family<prometheus::Counter>& retries_;
};

}  // namespace net

#endif  // NET_METRICS_FETCH_RECORDER_H_
