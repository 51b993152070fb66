#ifndef JOBS_JOBS_RUNNER_HPP
#define JOBS_JOBS_RUNNER_HPP

#include "core/Environment.hpp"

namespace jobs
{
int run_job(Environment* env, int id);
}

#endif  // JOBS_JOBS_RUNNER_HPP
