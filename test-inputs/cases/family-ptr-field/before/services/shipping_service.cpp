#include "services/shipping_service.h"

namespace shop {

ShippingService::ShippingService(MetricsServiceProtocol& metrics)
    : metrics_(metrics) {}

void ShippingService::Ship(int order_id, const std::string& carrier) {
  shipped_.push_back(order_id);
  metrics_.RecordOrderShipped(carrier);
}

}  // namespace shop
