#pragma once

#include <prometheus/counter.h>
#include <prometheus/family.h>

#include <string>
#include <vector>

namespace shop {

extern prometheus::Family<prometheus::Counter>& ORDERS_SHIPPED_TOTAL;

class ShippingService {
 public:
  ShippingService();

  void Ship(int order_id, const std::string& carrier);

 private:
  std::vector<int> shipped_;
};

}  // namespace shop
