#include "services/order_service.h"

namespace shop {

OrderService::OrderService(MetricsServiceProtocol& metrics)
    : metrics_(metrics) {}

void OrderService::Place(const std::string& channel) {
  ++placed_;
  metrics_.RecordOrderPlaced(channel);
}

bool OrderService::Pay(const std::function<bool()>& charge) {
  for (int attempt = 0; attempt < 3; ++attempt) {
    if (charge()) {
      return true;
    }
    metrics_.RecordPaymentFailure();
  }
  return false;
}

}  // namespace shop
