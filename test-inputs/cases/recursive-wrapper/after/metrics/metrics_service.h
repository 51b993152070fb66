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

  virtual void RecordBatchRetried(int attempts) = 0;
  virtual void RecordPing(int depth) = 0;
  virtual void RecordPong(int depth) = 0;
};

class MetricsService : public MetricsServiceProtocol {
 public:
  MetricsService();

  std::shared_ptr<prometheus::Registry> registry() const { return registry_; }

  void RecordBatchRetried(int attempts) override;
  void RecordPing(int depth) override;
  void RecordPong(int depth) override;

 private:
  std::shared_ptr<prometheus::Registry> registry_;
  prometheus::Family<prometheus::Counter>& sync_retries_total_;
  prometheus::Family<prometheus::Counter>& sync_pings_total_;
};

}  // namespace shop
