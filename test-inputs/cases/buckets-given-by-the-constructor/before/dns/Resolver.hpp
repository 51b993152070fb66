#ifndef DNS_RESOLVER_HPP
#define DNS_RESOLVER_HPP

#include <map>
#include <string>

#include "metrics/ResolverMetrics.hpp"

namespace dns {

class Resolver {
public:
	Resolver(std::map<std::string, std::string> zone, metrics::ResolverMetrics &metrics);

	bool Resolve(const std::string &name, std::string &address);

private:
	std::map<std::string, std::string> m_zone;
	metrics::ResolverMetrics &m_metrics;
};

} // namespace dns

#endif // DNS_RESOLVER_HPP
