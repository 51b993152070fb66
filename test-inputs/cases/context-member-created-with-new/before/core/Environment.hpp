#ifndef JOBS_CORE_ENVIRONMENT_HPP
#define JOBS_CORE_ENVIRONMENT_HPP

#include <string>

namespace jobs
{
namespace stats
{
class Counters;
}

// Shared by every stage of a run, handed around by pointer; owns what it
// holds.
struct Environment
{
    std::string name;
    stats::Counters* counters = nullptr;

    ~Environment();
};
}  // namespace jobs

#endif  // JOBS_CORE_ENVIRONMENT_HPP
