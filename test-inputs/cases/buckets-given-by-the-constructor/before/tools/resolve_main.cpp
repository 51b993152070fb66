#include <map>
#include <string>

#include <prometheus/text_serializer.h>

#include "dns/Resolver.hpp"
#include "metrics/ResolverMetrics.hpp"

int main()
{
	metrics::ResolverMetrics metrics;
	const std::map<std::string, std::string> zone{{"example.org", "192.0.2.1"}};
	dns::Resolver resolver(zone, metrics);
	std::string address;
	resolver.Resolve("example.org", address);
	resolver.Resolve("missing.org", address);
	const std::string text = prometheus::TextSerializer().Serialize(metrics.Registry()->Collect());
	for (const char *line : {"resolver_query_seconds_bucket{le=\"0.01\"} 1\n", "resolver_query_seconds_bucket{le=\"0.001\"} 0\n", "resolver_failures_total 1\n"}) {
		if (text.find(line) == std::string::npos) {
			return 1;
		}
	}
	return 0;
}
