#include "cache/LruCache.h"

#include <algorithm>

namespace cache {

LruCache::LruCache(std::size_t capacity, stats::CacheStats& stats)
    : mCapacity(capacity), mStats(stats) {}

bool LruCache::get(const std::string& key) {
    const bool found = std::find(mKeys.begin(), mKeys.end(), key) != mKeys.end();
    mStats.recordLookup("memory", found ? 0.00002 : 0.0004);
    return found;
}

void LruCache::put(const std::string& key) {
    mKeys.push_front(key);
    if (mKeys.size() > mCapacity) {
        mKeys.pop_back();
        mStats.recordEviction();
    }
}

}  // namespace cache
