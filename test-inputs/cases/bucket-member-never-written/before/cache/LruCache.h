#pragma once

#include <cstddef>
#include <list>
#include <string>

#include "stats/CacheStats.h"

namespace cache {

class LruCache {
public:
    LruCache(std::size_t capacity, stats::CacheStats& stats);

    bool get(const std::string& key);
    void put(const std::string& key);

private:
    std::size_t mCapacity;
    std::list<std::string> mKeys;
    stats::CacheStats& mStats;
};

}  // namespace cache
