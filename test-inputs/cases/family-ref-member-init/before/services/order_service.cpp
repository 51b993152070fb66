#include "services/order_service.h"

namespace shop {

OrderService::OrderService(MetricsServiceProtocol& metrics)
    : metrics_(metrics) {}

int OrderService::PlaceOrder(const std::string& part,
                             const std::string& channel) {
  orders_.push_back(part);
  metrics_.RecordOrderPlaced(channel);
  return static_cast<int>(orders_.size());
}

}  // namespace shop
