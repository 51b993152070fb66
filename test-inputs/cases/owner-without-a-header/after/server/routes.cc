// Handlers, declared where they are used: this file has no header.
#include "metrics/metrics.h"
#include "metrics/registry.h"
#include <prometheus/counter.h>
#include <prometheus/family.h>

prometheus::Counter& APP_ERRORS_TOTAL = prometheus::BuildCounter()
                                            .Name("app_errors_total")
                                            .Help("Requests that failed")
                                            .Register(app::DefaultRegistry())
                                            .Add({});

int handle_get(app::Metrics& metrics, int id) {
  metrics.count_request("get");
  return id;
}

int handle_put(app::Metrics& metrics, int id) {
  metrics.count_request("put");
  if (id < 0) {
    APP_ERRORS_TOTAL.Increment();
    return -1;
  }
  return id;
}
