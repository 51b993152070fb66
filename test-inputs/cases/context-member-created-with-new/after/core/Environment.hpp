#ifndef JOBS_CORE_ENVIRONMENT_HPP
#define JOBS_CORE_ENVIRONMENT_HPP

#include <string>

namespace jobs
{
// Shared by every stage of a run, handed around by pointer; owns what it
// holds.
struct Environment
{
    std::string name;

    ~Environment();
};
}  // namespace jobs

#endif  // JOBS_CORE_ENVIRONMENT_HPP
