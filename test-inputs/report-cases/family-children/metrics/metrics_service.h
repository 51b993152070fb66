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

  virtual void RecordQuantityChange(const std::string& operation,
                                    int delta) = 0;
  virtual void RecordRestockOk() = 0;
  virtual void RecordRestockFailed() = 0;
};

class MetricsService : public MetricsServiceProtocol {
 public:
  MetricsService();

  std::shared_ptr<prometheus::Registry> registry() const { return registry_; }

  void RecordQuantityChange(const std::string& operation, int delta) override;
  void RecordRestockOk() override;
  void RecordRestockFailed() override;

 private:
  std::shared_ptr<prometheus::Registry> registry_;
  prometheus::Family<prometheus::Counter>& inventory_quantity_changes_total_;
  // One family, two children taken from it: one name in three fields.
  prometheus::Family<prometheus::Counter>& restocks_total_;
  prometheus::Counter& restocks_ok_;
  prometheus::Counter& restocks_failed_;
};

}  // namespace shop
