#include "services/order_service.h"

#include <chrono>

namespace shop::orders {

OrderService::OrderService(MetricsServiceProtocol& metrics)
    : metrics_(metrics) {}

int OrderService::Place(const std::string& channel, int items) {
  const int id = next_id_++;
  pending_.insert(id);
  metrics_.RecordOrderPlaced(channel);
  metrics_.RecordOrderItems(items);
  metrics_.SetPendingOrders(static_cast<int>(pending_.size()));
  return id;
}

void OrderService::Cancel(int order_id) {
  if (pending_.erase(order_id) > 0) {
    metrics_.RecordOrderCancelled();
    metrics_.SetPendingOrders(static_cast<int>(pending_.size()));
  }
}

void OrderService::Ship(int order_id) {
  const auto start = std::chrono::steady_clock::now();
  pending_.erase(order_id);
  const std::chrono::duration<double> elapsed =
      std::chrono::steady_clock::now() - start;
  metrics_.RecordShippingDuration(elapsed.count());
}

}  // namespace shop::orders
