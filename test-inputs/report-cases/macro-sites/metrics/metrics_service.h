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

  virtual void RecordTaskStarted() = 0;
  virtual void RecordTaskFinished(const std::string& status) = 0;
};

class MetricsService : public MetricsServiceProtocol {
 public:
  MetricsService();

  std::shared_ptr<prometheus::Registry> registry() const { return registry_; }

  void RecordTaskStarted() override;
  void RecordTaskFinished(const std::string& status) override;

 private:
  std::shared_ptr<prometheus::Registry> registry_;
  prometheus::Counter& tasks_started_total_;
  prometheus::Family<prometheus::Counter>& tasks_finished_total_;
};

}  // namespace shop
