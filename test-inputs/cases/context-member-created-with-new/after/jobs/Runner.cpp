#include "jobs/Runner.hpp"
#include "stats/registry.hpp"

#include <chrono>
#include <prometheus/counter.h>
#include <prometheus/family.h>
#include <prometheus/histogram.h>

namespace jobs
{

prometheus::Histogram& JOBS_DURATION_SECONDS =
    prometheus::BuildHistogram()
        .Name("jobs_duration_seconds")
        .Help("How long a job ran")
        .Register(jobs::stats::DefaultRegistry())
        .Add({}, prometheus::Histogram::BucketBoundaries{0.01, 0.1, 1.0});

prometheus::Counter& JOBS_STARTED_TOTAL = prometheus::BuildCounter()
                                              .Name("jobs_started_total")
                                              .Help("Jobs started")
                                              .Register(jobs::stats::DefaultRegistry())
                                              .Add({});

int run_job(Environment* /*env*/, int id)
{
    JOBS_STARTED_TOTAL.Increment();
    const auto start = std::chrono::steady_clock::now();
    const int result = id * 2;
    const std::chrono::duration<double> took = std::chrono::steady_clock::now() - start;
    JOBS_DURATION_SECONDS.Observe(took.count());
    return result;
}
}  // namespace jobs
