#pragma once

#include <prometheus/counter.h>
#include <prometheus/family.h>

#include <functional>
#include <string>

#include "metrics/metrics_service.h"

namespace shop {

extern prometheus::Family<prometheus::Counter>& CHARGEBACK_CENTS_TOTAL;

class PaymentService {
 public:
  explicit PaymentService(MetricsServiceProtocol& metrics);

  void Pay(const std::string& method, bool accepted);
  void Refund(int cents);
  void Chargeback(int cents);

 private:
  using Outcome = void (MetricsServiceProtocol::*)(const std::string&);

  MetricsServiceProtocol& metrics_;
  std::function<void(int)> on_refund_;
};

}  // namespace shop
