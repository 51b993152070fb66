#pragma once

#include <prometheus/counter.h>
#include <prometheus/family.h>
#include <prometheus/histogram.h>
#include <prometheus/registry.h>

#include <memory>

namespace shop {

class MetricsServiceProtocol {
 public:
  virtual ~MetricsServiceProtocol() = default;

  virtual void RecordPickListCreated(int line_count) = 0;
};

class MetricsService : public MetricsServiceProtocol {
 public:
  MetricsService();

  std::shared_ptr<prometheus::Registry> registry() const { return registry_; }

  void RecordPickListCreated(int line_count) override;

 private:
  std::shared_ptr<prometheus::Registry> registry_;
  prometheus::Counter& pick_lists_created_total_;
  prometheus::Histogram& pick_list_lines_;
};

}  // namespace shop
