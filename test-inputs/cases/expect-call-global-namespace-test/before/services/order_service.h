#pragma once

#include <set>
#include <string>

#include "metrics/metrics_service.h"

namespace shop::orders {

class OrderService {
 public:
  explicit OrderService(MetricsServiceProtocol& metrics);

  // Returns the new order's id.
  int Place(const std::string& channel, int items);
  void Cancel(int order_id);
  void Ship(int order_id);

 private:
  MetricsServiceProtocol& metrics_;
  std::set<int> pending_;
  int next_id_ = 1;
};

}  // namespace shop::orders
