#pragma once

#include <prometheus/counter.h>
#include <prometheus/family.h>
#include <prometheus/registry.h>

#include <memory>
#include <string>

// Set to 1 to count cache hits per region.
#define SHOP_REGIONAL_METRICS 0
// Set to 0 to stop counting misses (and drop the cache on every miss).
#define SHOP_COUNT_MISSES 1

namespace shop {

class MetricsServiceProtocol {
 public:
  virtual ~MetricsServiceProtocol() = default;

  virtual void RecordCacheHit(const std::string& region) = 0;
  virtual void RecordCacheMiss(const std::string& region) = 0;
};

class MetricsService : public MetricsServiceProtocol {
 public:
  MetricsService();

  std::shared_ptr<prometheus::Registry> registry() const { return registry_; }

  void RecordCacheHit(const std::string& region) override;
  void RecordCacheMiss(const std::string& region) override;

 private:
  std::shared_ptr<prometheus::Registry> registry_;
  prometheus::Family<prometheus::Counter>& cache_hits_total_;
  prometheus::Family<prometheus::Counter>& cache_misses_total_;
};

}  // namespace shop
