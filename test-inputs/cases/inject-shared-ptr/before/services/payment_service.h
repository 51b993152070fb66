#pragma once

#include <memory>
#include <string>

#include "metrics/metrics_service.h"

namespace shop {

class PaymentService {
 public:
  PaymentService(std::string currency,
                 std::shared_ptr<MetricsServiceProtocol> metrics);

  bool Charge(int cents);

 private:
  std::string currency_;
  std::shared_ptr<MetricsServiceProtocol> metrics_;
};

}  // namespace shop
