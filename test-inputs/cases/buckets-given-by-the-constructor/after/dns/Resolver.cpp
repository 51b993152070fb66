#include "dns/Resolver.hpp"
#include "metrics/DefaultRegistry.hpp"

#include <prometheus/counter.h>
#include <prometheus/family.h>
#include <prometheus/histogram.h>
#include <utility>
#include <vector>

namespace dns {

namespace {

// Seconds: a cached answer takes microseconds, a recursive one up to a second.
const std::vector<double> m_queryBuckets{0.0001, 0.001, 0.01, 0.1, 1.0};

} // namespace

prometheus::Counter &RESOLVER_FAILURES_TOTAL = prometheus::BuildCounter()
						       .Name("resolver_failures_total")
						       .Help("Queries that got no answer")
						       .Register(metrics::DefaultRegistry())
						       .Add({});

prometheus::Family<prometheus::Histogram> &RESOLVER_QUERY_SECONDS =
	prometheus::BuildHistogram()
		.Name("resolver_query_seconds")
		.Help("Time to answer a query")
		.Register(metrics::DefaultRegistry());

Resolver::Resolver(std::map<std::string, std::string> zone) : m_zone(std::move(zone))
{
}

bool Resolver::Resolve(const std::string &name, std::string &address)
{
	auto found = m_zone.find(name);
	if (found == m_zone.end()) {
		RESOLVER_FAILURES_TOTAL.Increment();
		return false;
	}
	address = found->second;
	RESOLVER_QUERY_SECONDS.Add({}, m_queryBuckets).Observe(0.002);
	return true;
}

} // namespace dns
