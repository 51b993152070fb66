#pragma once

#include <prometheus/counter.h>
#include <prometheus/family.h>
#include <prometheus/registry.h>

#include <memory>
#include <string>

namespace shop {

class MetricsServiceProtocol {
 public:
  virtual ~MetricsServiceProtocol() = default;

  virtual void RecordCacheMiss(const std::string& region) = 0;
  virtual void RecordCacheEviction(const std::string& region) = 0;
};

class MetricsService : public MetricsServiceProtocol {
 public:
  MetricsService();

  std::shared_ptr<prometheus::Registry> registry() const { return registry_; }

  void RecordCacheMiss(const std::string& region) override;
  void RecordCacheEviction(const std::string& region) override;

 private:
  std::shared_ptr<prometheus::Registry> registry_;
  prometheus::Family<prometheus::Counter>& cache_misses_total_;
  prometheus::Family<prometheus::Counter>& cache_evictions_total_;
};

}  // namespace shop
