#include "metrics/metrics.h"

int handle_get(app::Metrics& metrics, int id);
int handle_put(app::Metrics& metrics, int id);
int handle_admin(app::Metrics& metrics);

int main() {
  app::Metrics metrics;
  const int got = handle_get(metrics, 3) + handle_put(metrics, 4) + handle_admin(metrics);
  return got == 7 && handle_put(metrics, -1) == -1 ? 0 : 1;
}
