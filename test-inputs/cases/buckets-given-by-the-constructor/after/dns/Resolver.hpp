#ifndef DNS_RESOLVER_HPP
#define DNS_RESOLVER_HPP

#include <map>
#include <prometheus/counter.h>
#include <prometheus/family.h>
#include <prometheus/histogram.h>
#include <string>

namespace dns {

extern prometheus::Counter &RESOLVER_FAILURES_TOTAL;

extern prometheus::Family<prometheus::Histogram> &RESOLVER_QUERY_SECONDS;

class Resolver {
public:
	Resolver(std::map<std::string, std::string> zone);

	bool Resolve(const std::string &name, std::string &address);

private:
	std::map<std::string, std::string> m_zone;
};

} // namespace dns

#endif // DNS_RESOLVER_HPP
