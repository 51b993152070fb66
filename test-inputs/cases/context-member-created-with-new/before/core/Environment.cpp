#include "core/Environment.hpp"

#include "stats/Counters.hpp"

namespace jobs
{
Environment::~Environment()
{
    delete counters;
    counters = nullptr;
}
}  // namespace jobs
