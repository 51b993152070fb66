#include "services/cart_service.h"

namespace shop {

CartService::CartService(MetricsServiceProtocol& metrics) : metrics_(metrics) {}

void CartService::Open(const std::string& customer) {
  carts_[customer] = 0;
  metrics_.SetOpenCarts(static_cast<int>(carts_.size()));
}

void CartService::Close(const std::string& customer) {
  carts_.erase(customer);
  metrics_.SetOpenCarts(static_cast<int>(carts_.size()));
}

}  // namespace shop
