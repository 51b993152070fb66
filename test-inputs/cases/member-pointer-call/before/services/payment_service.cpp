#include "services/payment_service.h"

#include <functional>

namespace shop {

PaymentService::PaymentService(MetricsServiceProtocol& metrics)
    : metrics_(metrics),
      on_refund_(std::bind(&MetricsServiceProtocol::RecordRefund, &metrics,
                           std::placeholders::_1)) {}

void PaymentService::Pay(const std::string& method, bool accepted) {
  Outcome record = accepted ? &MetricsServiceProtocol::RecordPaymentAccepted
                            : &MetricsServiceProtocol::RecordPaymentDeclined;
  (metrics_.*record)(method);
}

void PaymentService::Refund(int cents) { on_refund_(cents); }

void PaymentService::Chargeback(int cents) {
  std::function<void(int)> record = [this](int amount) {
    metrics_.RecordChargeback(amount);
  };
  record(cents);
}

}  // namespace shop
