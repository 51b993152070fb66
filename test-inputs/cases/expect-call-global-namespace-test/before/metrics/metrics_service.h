#pragma once

#include <prometheus/counter.h>
#include <prometheus/family.h>
#include <prometheus/gauge.h>
#include <prometheus/histogram.h>
#include <prometheus/registry.h>

#include <memory>
#include <string>

namespace shop {

class MetricsServiceProtocol {
 public:
  virtual ~MetricsServiceProtocol() = default;

  virtual void RecordOrderPlaced(const std::string& channel) = 0;
  virtual void RecordOrderCancelled() = 0;
  virtual void SetPendingOrders(int count) = 0;
  virtual void RecordOrderItems(int items) = 0;
  virtual void RecordShippingDuration(double seconds) = 0;
};

class MetricsService : public MetricsServiceProtocol {
 public:
  MetricsService();

  std::shared_ptr<prometheus::Registry> registry() const { return registry_; }

  void RecordOrderPlaced(const std::string& channel) override;
  void RecordOrderCancelled() override;
  void SetPendingOrders(int count) override;
  void RecordOrderItems(int items) override;
  void RecordShippingDuration(double seconds) override;

 private:
  std::shared_ptr<prometheus::Registry> registry_;
  prometheus::Family<prometheus::Counter>& orders_placed_total_;
  prometheus::Counter& orders_cancelled_total_;
  prometheus::Histogram& order_items_;
  prometheus::Histogram& shipping_duration_seconds_;
  prometheus::Gauge& pending_orders_;
};

}  // namespace shop
