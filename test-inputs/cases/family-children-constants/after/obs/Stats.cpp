#include "obs/Stats.hpp"
#include "obs/Registry.hpp"

namespace obs
{

Stats::Stats() : m_registry(obs::metrics::DefaultRegistryPtr()) {}

} // namespace obs
