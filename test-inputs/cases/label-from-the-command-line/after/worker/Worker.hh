#pragma once

#include "stats/Stats.hh"
#include <prometheus/counter.h>
#include <prometheus/family.h>

namespace worker {

extern prometheus::Counter& WORKER_FAILURES_TOTAL;

class Worker {
  public:
    explicit Worker(stats::Stats& stats) : mStats(stats) {}

    bool run(bool ok);

  private:
    stats::Stats& mStats;
};

} // namespace worker
