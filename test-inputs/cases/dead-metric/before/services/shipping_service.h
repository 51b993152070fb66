#pragma once

#include <vector>

#include "metrics/metrics_service.h"

namespace shop {

class ShippingService {
 public:
  explicit ShippingService(MetricsServiceProtocol& metrics);

  void Ship(int order_id);

 private:
  MetricsServiceProtocol& metrics_;
  std::vector<int> shipped_;
};

}  // namespace shop
