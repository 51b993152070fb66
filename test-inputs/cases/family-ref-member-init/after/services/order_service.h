#pragma once

#include <prometheus/counter.h>
#include <prometheus/family.h>

#include <string>
#include <vector>

namespace shop {

extern prometheus::Family<prometheus::Counter>& ORDERS_PLACED_TOTAL;

class OrderService {
 public:
  OrderService();

  int PlaceOrder(const std::string& part, const std::string& channel);

 private:
  std::vector<std::string> orders_;
};

}  // namespace shop
