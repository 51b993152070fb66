#pragma once

#include <string>
#include <vector>

#include "metrics/metrics_service.h"

namespace shop {

class ShippingService {
 public:
  explicit ShippingService(MetricsServiceProtocol& metrics);

  void Ship(int order_id, const std::string& carrier);

 private:
  MetricsServiceProtocol& metrics_;
  std::vector<int> shipped_;
};

}  // namespace shop
