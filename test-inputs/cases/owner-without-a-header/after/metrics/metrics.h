#ifndef APP_METRICS_METRICS_H_
#define APP_METRICS_METRICS_H_

#include <memory>

#include <prometheus/counter.h>
#include <prometheus/family.h>
#include <prometheus/registry.h>

namespace app {

struct Metrics {
  Metrics();

  void count_request(const char* route);

  std::shared_ptr<prometheus::Registry> registry;
  prometheus::Family<prometheus::Counter>& requests;
};

}  // namespace app

#endif  // APP_METRICS_METRICS_H_
