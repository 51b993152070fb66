#pragma once

#include <vector>

#include "metrics/metrics_service.h"

namespace shop {

class ShippingService {
 public:
  explicit ShippingService(MetricsServiceProtocol& metrics);

  void Ship(int order_id);
  int ShippedCount() const { return static_cast<int>(shipped_.size()); }

 private:
  MetricsServiceProtocol& metrics_;
  std::vector<int> shipped_;
};

}  // namespace shop
