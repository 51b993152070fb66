#include "cache/LruCache.h"

int main() {
    cache::LruCache lru(2);
    lru.put("a");
    lru.put("b");
    lru.put("c");
    return lru.get("c") && !lru.get("a") ? 0 : 1;
}
