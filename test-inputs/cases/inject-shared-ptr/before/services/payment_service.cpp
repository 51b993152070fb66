#include "services/payment_service.h"

#include <utility>

namespace shop {

PaymentService::PaymentService(std::string currency,
                               std::shared_ptr<MetricsServiceProtocol> metrics)
    : currency_(std::move(currency)), metrics_(std::move(metrics)) {}

bool PaymentService::Charge(int cents) {
  if (cents <= 0 || currency_.empty()) {
    metrics_->RecordPaymentFailed();
    return false;
  }
  return true;
}

}  // namespace shop
