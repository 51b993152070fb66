#include "gw/latency_timer.h"
#include "gw/stats.h"

int main() {
  gw::Stats stats;
  stats.request_seen();
  {
    gw::LatencyTimer timer;
    timer.start(&stats);
  }
  return 0;
}
