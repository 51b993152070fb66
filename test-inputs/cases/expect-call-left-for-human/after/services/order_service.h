#pragma once

#include <prometheus/counter.h>
#include <prometheus/family.h>

#include <functional>
#include <string>

#include "metrics/metrics_service.h"

namespace shop {

extern prometheus::Family<prometheus::Counter>& ORDERS_PLACED_TOTAL;

class OrderService {
 public:
  explicit OrderService(MetricsServiceProtocol& metrics);

  void Place(const std::string& channel);
  // Tries `charge` up to three times; returns whether one succeeded.
  bool Pay(const std::function<bool()>& charge);

 private:
  MetricsServiceProtocol& metrics_;
  int placed_ = 0;
};

}  // namespace shop
