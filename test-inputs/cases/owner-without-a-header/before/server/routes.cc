// Handlers, declared where they are used: this file has no header.
#include "metrics/metrics.h"

int handle_get(app::Metrics& metrics, int id) {
  metrics.count_request("get");
  return id;
}

int handle_put(app::Metrics& metrics, int id) {
  metrics.count_request("put");
  if (id < 0) {
    metrics.count_error();
    return -1;
  }
  return id;
}
