#include "metrics/ResolverMetrics.hpp"

namespace metrics {

ResolverMetrics::ResolverMetrics()
	: m_registry(std::make_shared<prometheus::Registry>()),
	  m_queries(prometheus::BuildHistogram()
				.Name("resolver_query_seconds")
				.Help("Time to answer a query")
				.Register(*m_registry)),
	  m_failures(prometheus::BuildCounter()
				 .Name("resolver_failures_total")
				 .Help("Queries that got no answer")
				 .Register(*m_registry)
				 .Add({})),
	  m_queryBuckets{0.0001, 0.001, 0.01, 0.1, 1.0}
{
}

void ResolverMetrics::ObserveQuery(double seconds)
{
	m_queries.Add({}, m_queryBuckets).Observe(seconds);
}

void ResolverMetrics::CountFailure()
{
	m_failures.Increment();
}

} // namespace metrics
