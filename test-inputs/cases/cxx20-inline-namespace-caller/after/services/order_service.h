#pragma once

#include <prometheus/counter.h>
#include <prometheus/family.h>

#include <concepts>
#include <string>

namespace shop::orders {

extern prometheus::Family<prometheus::Counter>&
    INVENTORY_QUANTITY_CHANGES_TOTAL;

}  // namespace shop::orders

namespace shop::orders::inline v2 {

struct Order {
  std::string part;
  int quantity = 0;
};

class OrderService {
 public:
  OrderService();

  template <std::integral Count>
  void Restock(Count count) {
    INVENTORY_QUANTITY_CHANGES_TOTAL.Add({{"operation", "restock"}})
        .Increment(static_cast<int>(count));
  }
  void Place(const Order& order);
  void Return(const Order& order);
};

}  // namespace shop::orders::inline v2
