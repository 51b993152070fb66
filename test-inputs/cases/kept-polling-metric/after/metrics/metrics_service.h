#pragma once

#include <prometheus/family.h>
#include <prometheus/gauge.h>
#include <prometheus/registry.h>

#include <functional>
#include <memory>

namespace shop {

class MetricsService {
 public:
  MetricsService();

  std::shared_ptr<prometheus::Registry> registry() const { return registry_; }

  // Polling: the queue depth gauge is refreshed from this source on every
  // tick.
  void SetDepthSource(std::function<int()> source);
  void PollOnce();

 private:
  void UpdateQueueDepth();

  std::shared_ptr<prometheus::Registry> registry_;
  prometheus::Gauge& job_queue_depth_;
  std::function<int()> depth_source_;
};

}  // namespace shop
