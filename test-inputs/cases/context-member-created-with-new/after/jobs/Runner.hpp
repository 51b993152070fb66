#ifndef JOBS_JOBS_RUNNER_HPP
#define JOBS_JOBS_RUNNER_HPP

#include "core/Environment.hpp"
#include <prometheus/counter.h>
#include <prometheus/family.h>
#include <prometheus/histogram.h>

namespace jobs
{

extern prometheus::Histogram& JOBS_DURATION_SECONDS;

extern prometheus::Counter& JOBS_STARTED_TOTAL;

int run_job(Environment* env, int id);
}

#endif  // JOBS_JOBS_RUNNER_HPP
