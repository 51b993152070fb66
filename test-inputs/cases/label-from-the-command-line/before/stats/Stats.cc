#include "stats/Stats.hh"

namespace stats {

Stats::Stats(prometheus::Registry& registry, const std::string& instance)
    : mJobs(prometheus::BuildCounter()
                .Name("worker_jobs_total")
                .Help("Jobs run")
                .Labels({{"instance", instance}})
                .Register(registry)
                .Add({})),
      mFailures(prometheus::BuildCounter()
                    .Name("worker_failures_total")
                    .Help("Jobs that failed")
                    .Register(registry)
                    .Add({})) {}

void Stats::countJob() { mJobs.Increment(); }

void Stats::countFailure() { mFailures.Increment(); }

} // namespace stats
