#pragma once

#include <concepts>
#include <string>

#include "metrics/metrics_service.h"

namespace shop::orders::inline v2 {

struct Order {
  std::string part;
  int quantity = 0;
};

class OrderService {
 public:
  explicit OrderService(MetricsServiceProtocol& metrics);

  template <std::integral Count>
  void Restock(Count count) {
    metrics_.RecordQuantityChange("restock", static_cast<int>(count));
  }
  void Place(const Order& order);
  void Return(const Order& order);

 private:
  MetricsServiceProtocol& metrics_;
};

}  // namespace shop::orders::inline v2
