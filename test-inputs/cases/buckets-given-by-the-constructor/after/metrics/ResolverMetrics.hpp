#ifndef METRICS_RESOLVERMETRICS_HPP
#define METRICS_RESOLVERMETRICS_HPP

#include <memory>
#include <vector>

#include <prometheus/registry.h>

namespace metrics {

class ResolverMetrics {
public:
	ResolverMetrics();

	std::shared_ptr<prometheus::Registry> Registry() const { return m_registry; }

private:
	std::shared_ptr<prometheus::Registry> m_registry;
};

} // namespace metrics

#endif // METRICS_RESOLVERMETRICS_HPP
