#include "core/Environment.hpp"
#include "jobs/Runner.hpp"
#include "stats/PromCounters.hpp"

int main()
{
    jobs::Environment env;
    env.name = "nightly";
    env.counters = new jobs::stats::PromCounters();
    return jobs::run_job(&env, 21) == 42 ? 0 : 1;
}
