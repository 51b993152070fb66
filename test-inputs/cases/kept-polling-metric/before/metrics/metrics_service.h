#pragma once

#include <prometheus/counter.h>
#include <prometheus/family.h>
#include <prometheus/gauge.h>
#include <prometheus/registry.h>

#include <functional>
#include <memory>

namespace shop {

class MetricsServiceProtocol {
 public:
  virtual ~MetricsServiceProtocol() = default;

  virtual void RecordJobSubmitted() = 0;
};

class MetricsService : public MetricsServiceProtocol {
 public:
  MetricsService();

  std::shared_ptr<prometheus::Registry> registry() const { return registry_; }

  void RecordJobSubmitted() override;

  // Polling: the queue depth gauge is refreshed from this source on every
  // tick.
  void SetDepthSource(std::function<int()> source);
  void PollOnce();

 private:
  void UpdateQueueDepth();

  std::shared_ptr<prometheus::Registry> registry_;
  prometheus::Counter& jobs_submitted_total_;
  prometheus::Gauge& job_queue_depth_;
  std::function<int()> depth_source_;
};

}  // namespace shop
