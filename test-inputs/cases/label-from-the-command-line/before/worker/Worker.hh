#pragma once

#include "stats/Stats.hh"

namespace worker {

class Worker {
  public:
    explicit Worker(stats::Stats& stats) : mStats(stats) {}

    bool run(bool ok);

  private:
    stats::Stats& mStats;
};

} // namespace worker
