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

  virtual void RecordLineAdded() = 0;
  virtual void RecordLineReceived(const std::string& supplier) = 0;
};

class MetricsService : public MetricsServiceProtocol {
 public:
  MetricsService();

  std::shared_ptr<prometheus::Registry> registry() const { return registry_; }

  void RecordLineAdded() override;
  void RecordLineReceived(const std::string& supplier) override;

 private:
  std::shared_ptr<prometheus::Registry> registry_;
  prometheus::Counter* lines_added_total_ = nullptr;
  prometheus::Family<prometheus::Counter>& lines_received_total_;
};

}  // namespace shop
