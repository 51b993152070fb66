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

  virtual void RecordShipment(const std::string& carrier) = 0;
  virtual void RecordShipment(const std::string& carrier, int parcels) = 0;
  virtual void RecordShipment(int parcels) = 0;
};

class MetricsService : public MetricsServiceProtocol {
 public:
  MetricsService();

  std::shared_ptr<prometheus::Registry> registry() const { return registry_; }

  void RecordShipment(const std::string& carrier) override;
  void RecordShipment(const std::string& carrier, int parcels) override;
  void RecordShipment(int parcels) override;

 private:
  std::shared_ptr<prometheus::Registry> registry_;
  prometheus::Family<prometheus::Counter>& shipments_total_;
};

}  // namespace shop
