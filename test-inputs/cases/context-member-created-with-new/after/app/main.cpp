#include "core/Environment.hpp"
#include "jobs/Runner.hpp"

int main()
{
    jobs::Environment env;
    env.name = "nightly";
    return jobs::run_job(&env, 21) == 42 ? 0 : 1;
}
