#include "core/Environment.hpp"

namespace jobs
{
Environment::~Environment()
{
}
}  // namespace jobs
