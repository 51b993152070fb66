#pragma once

#include <memory>
#include <string>
#include <vector>

#include <prometheus/counter.h>
#include <prometheus/histogram.h>
#include <prometheus/registry.h>

namespace cache {
namespace stats {

class CacheStats {
public:
    CacheStats();

    void recordLookup(const std::string& tier, double seconds);
    void recordEviction();

private:
    std::shared_ptr<prometheus::Registry> mRegistry;
    prometheus::Family<prometheus::Histogram>& mLookupLatency;
    prometheus::Counter& mEvictions;
    // Seconds; lookups in memory take microseconds, on disk milliseconds.
    std::vector<double> mLatencyBounds{0.00001, 0.0001, 0.001, 0.01};
};

}  // namespace stats
}  // namespace cache
