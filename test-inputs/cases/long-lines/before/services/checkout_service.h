#pragma once

#include <string>

#include "metrics/metrics_service.h"

namespace shop {

class CheckoutService {
 public:
  explicit CheckoutService(MetricsServiceProtocol& metrics);

  void Checkout(const std::string& region, const std::string& store);

 private:
  MetricsServiceProtocol& metrics_;
};

}  // namespace shop
