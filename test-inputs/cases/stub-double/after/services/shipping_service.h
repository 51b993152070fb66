#pragma once

#include <prometheus/counter.h>
#include <prometheus/family.h>

#include <vector>

namespace shop {

extern prometheus::Counter& ORDERS_SHIPPED_TOTAL;

class ShippingService {
 public:
  ShippingService();

  void Ship(int order_id);
  int ShippedCount() const { return static_cast<int>(shipped_.size()); }

 private:
  std::vector<int> shipped_;
};

}  // namespace shop
