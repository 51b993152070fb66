#pragma once

#include <chrono>
#include <cstddef>
#include <map>
#include <optional>
#include <utility>

#include "metrics/metrics_service.h"

namespace partshop {

// Map with a per-entry time to live. Hits and misses are reported as
// duplicate search cache metrics, which is the only user so far.
template <typename Key, typename Value>
class TimedCache {
 public:
  using Clock = std::chrono::steady_clock;

  TimedCache(Clock::duration ttl, MetricsServiceProtocol& metrics)
      : ttl_(ttl), metrics_(metrics) {}

  std::optional<Value> Get(const Key& key) {
    auto it = entries_.find(key);
    if (it == entries_.end() || Clock::now() - it->second.stored_at >= ttl_) {
      metrics_.RecordDuplicateSearchCacheMiss();
      return std::nullopt;
    }
    metrics_.RecordDuplicateSearchCacheHit();
    return it->second.value;
  }

  void Put(const Key& key, Value value) {
    entries_[key] = Entry{std::move(value), Clock::now()};
  }

  void Clear() { entries_.clear(); }
  std::size_t size() const { return entries_.size(); }

 private:
  struct Entry {
    Value value;
    Clock::time_point stored_at;
  };

  Clock::duration ttl_;
  MetricsServiceProtocol& metrics_;
  std::map<Key, Entry> entries_;
};

}  // namespace partshop
