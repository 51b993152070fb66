#include "services/order_service.h"

namespace shop::orders::inline v2 {

OrderService::OrderService(MetricsServiceProtocol& metrics)
    : metrics_(metrics) {}

void OrderService::Place(const Order& order) {
  metrics_.RecordQuantityChange("order", -order.quantity);
}

}  // namespace shop::orders::inline v2
