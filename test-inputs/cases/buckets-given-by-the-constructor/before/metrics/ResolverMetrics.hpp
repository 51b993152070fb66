#ifndef METRICS_RESOLVERMETRICS_HPP
#define METRICS_RESOLVERMETRICS_HPP

#include <memory>
#include <vector>

#include <prometheus/counter.h>
#include <prometheus/histogram.h>
#include <prometheus/registry.h>

namespace metrics {

class ResolverMetrics {
public:
	ResolverMetrics();

	void ObserveQuery(double seconds);
	void CountFailure();

	std::shared_ptr<prometheus::Registry> Registry() const { return m_registry; }

private:
	std::shared_ptr<prometheus::Registry> m_registry;
	prometheus::Family<prometheus::Histogram> &m_queries;
	prometheus::Counter &m_failures;
	// Seconds: a cached answer takes microseconds, a recursive one up to a second.
	std::vector<double> m_queryBuckets;
};

} // namespace metrics

#endif // METRICS_RESOLVERMETRICS_HPP
