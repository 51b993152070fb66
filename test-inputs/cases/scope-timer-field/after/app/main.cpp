#include "gw/latency_timer.h"
#include "gw/registry.h"
#include "gw/stats.h"
#include <prometheus/counter.h>
#include <prometheus/family.h>

prometheus::Counter& GW_REQUESTS_TOTAL = prometheus::BuildCounter()
                                             .Name("gw_requests_total")
                                             .Help("Requests seen")
                                             .Register(gw::DefaultRegistry())
                                             .Add({});

int main() {
  gw::Stats stats;
  GW_REQUESTS_TOTAL.Increment();
  {
    gw::LatencyTimer timer;
    timer.start(&stats);
  }
  return 0;
}
