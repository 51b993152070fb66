#pragma once

#include <string>
#include <vector>

#include "metrics/metrics_service.h"

namespace shop {

class OrderService {
 public:
  explicit OrderService(MetricsServiceProtocol& metrics);

  int PlaceOrder(const std::string& part, const std::string& channel);

 private:
  MetricsServiceProtocol& metrics_;
  std::vector<std::string> orders_;
};

}  // namespace shop
