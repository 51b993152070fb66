#include "stats/CacheStats.h"

namespace cache {
namespace stats {

CacheStats::CacheStats()
    : mRegistry(std::make_shared<prometheus::Registry>()),
      mLookupLatency(prometheus::BuildHistogram()
                         .Name("cache_lookup_seconds")
                         .Help("Time to look a key up, by tier")
                         .Register(*mRegistry)),
      mEvictions(prometheus::BuildCounter()
                     .Name("cache_evictions_total")
                     .Help("Entries evicted")
                     .Register(*mRegistry)
                     .Add({})) {}

void CacheStats::recordLookup(const std::string& tier, double seconds) {
    mLookupLatency.Add({{"tier", tier}}, mLatencyBounds).Observe(seconds);
}

void CacheStats::recordEviction() {
    mEvictions.Increment();
}

}  // namespace stats
}  // namespace cache
