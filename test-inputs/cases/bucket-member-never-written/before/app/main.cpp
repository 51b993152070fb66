#include "cache/LruCache.h"
#include "stats/CacheStats.h"

int main() {
    cache::stats::CacheStats stats;
    cache::LruCache lru(2, stats);
    lru.put("a");
    lru.put("b");
    lru.put("c");
    return lru.get("c") && !lru.get("a") ? 0 : 1;
}
