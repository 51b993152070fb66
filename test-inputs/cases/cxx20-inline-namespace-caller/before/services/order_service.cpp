#include "services/order_service.h"

namespace shop::orders::inline v2 {
namespace {

void RecordReturnedQuantity(MetricsServiceProtocol& metrics, int quantity) {
  metrics.RecordQuantityChange("return", quantity);
}

}  // namespace

OrderService::OrderService(MetricsServiceProtocol& metrics)
    : metrics_(metrics) {}

void OrderService::Place(const Order& order) {
  metrics_.RecordQuantityChange("order", -order.quantity);
}

void OrderService::Return(const Order& order) {
  RecordReturnedQuantity(metrics_, order.quantity);
}

}  // namespace shop::orders::inline v2
