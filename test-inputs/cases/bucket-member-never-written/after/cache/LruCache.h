#pragma once

#include <cstddef>
#include <list>
#include <prometheus/counter.h>
#include <prometheus/family.h>
#include <prometheus/histogram.h>
#include <string>

namespace cache {

extern prometheus::Counter& CACHE_EVICTIONS_TOTAL;

extern prometheus::Family<prometheus::Histogram>& CACHE_LOOKUP_SECONDS;

class LruCache {
public:
    LruCache(std::size_t capacity);

    bool get(const std::string& key);
    void put(const std::string& key);

private:
    std::size_t mCapacity;
    std::list<std::string> mKeys;
};

}  // namespace cache
