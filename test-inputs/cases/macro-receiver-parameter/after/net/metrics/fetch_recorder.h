#ifndef NET_METRICS_FETCH_RECORDER_H_
#define NET_METRICS_FETCH_RECORDER_H_

#include <prometheus/registry.h>

#include <memory>
#include <string>

namespace net {

class FetchRecorder {
 public:
  FetchRecorder();
  FetchRecorder(const FetchRecorder&) = delete;
  FetchRecorder& operator=(const FetchRecorder&) = delete;

  std::shared_ptr<prometheus::Registry> registry() const { return registry_; }

 private:
  std::shared_ptr<prometheus::Registry> registry_;
};

}  // namespace net

#endif  // NET_METRICS_FETCH_RECORDER_H_
