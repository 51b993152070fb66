#pragma once

#include <prometheus/counter.h>
#include <prometheus/registry.h>

#include <string>

namespace stats {

// Counts what the workers do. The instance label comes from the command line.
class Stats {
  public:
    Stats(prometheus::Registry& registry, const std::string& instance);

    void countJob();
    void countFailure();

  private:
    prometheus::Counter& mJobs;
    prometheus::Counter& mFailures;
};

} // namespace stats
