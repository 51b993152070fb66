#include "dns/Resolver.hpp"

#include <utility>

namespace dns {

Resolver::Resolver(std::map<std::string, std::string> zone, metrics::ResolverMetrics &metrics)
	: m_zone(std::move(zone)), m_metrics(metrics)
{
}

bool Resolver::Resolve(const std::string &name, std::string &address)
{
	auto found = m_zone.find(name);
	if (found == m_zone.end()) {
		m_metrics.CountFailure();
		return false;
	}
	address = found->second;
	m_metrics.ObserveQuery(0.002);
	return true;
}

} // namespace dns
