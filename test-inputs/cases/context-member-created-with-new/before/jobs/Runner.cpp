#include "jobs/Runner.hpp"

#include <chrono>

#include "stats/Counters.hpp"

namespace jobs
{
int run_job(Environment* env, int id)
{
    env->counters->job_started();
    const auto start = std::chrono::steady_clock::now();
    const int result = id * 2;
    const std::chrono::duration<double> took = std::chrono::steady_clock::now() - start;
    if (env->counters != nullptr)
    {
        env->counters->job_finished(took.count());
    }
    return result;
}
}  // namespace jobs
