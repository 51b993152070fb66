#include "metrics/metrics.h"

int handle_admin(app::Metrics& metrics) {
  metrics.count_request("admin");
  return 0;
}
