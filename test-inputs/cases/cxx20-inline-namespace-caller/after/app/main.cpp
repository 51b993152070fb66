#include "services/order_service.h"

int main() {
  shop::orders::OrderService orders;
  orders.Place({.part = "bolt", .quantity = 2});
  orders.Restock(5u);
  orders.Return({.part = "bolt", .quantity = 1});
  return 0;
}
