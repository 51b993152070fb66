#include "metrics/ResolverMetrics.hpp"
#include "metrics/DefaultRegistry.hpp"

namespace metrics {

ResolverMetrics::ResolverMetrics() : m_registry(metrics::DefaultRegistryPtr())
{
}

} // namespace metrics
