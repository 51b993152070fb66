#include "services/order_service.h"

#include <algorithm>
#include <stdexcept>

namespace shop {

OrderService::OrderService(MetricsServiceProtocol& metrics)
    : metrics_(metrics) {}

void OrderService::Submit(const std::string& order) {
  metrics_.RecordOrder("submitted");
  if (order.empty()) {
    throw std::invalid_argument("empty order");
  }
  orders_.push_back(order);
}

void OrderService::Cancel(const std::string& order) {
  auto it = std::find(orders_.begin(), orders_.end(), order);
  if (it == orders_.end()) {
    throw std::out_of_range("unknown order");
  }
  orders_.erase(it);
  metrics_.RecordOrder("cancelled");
}

}  // namespace shop
