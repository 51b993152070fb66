#include "stats/PromCounters.hpp"
#include "stats/registry.hpp"

namespace jobs
{
namespace stats
{
PromCounters::PromCounters() : m_registry(jobs::stats::DefaultRegistryPtr()) {}
}  // namespace stats
}  // namespace jobs
