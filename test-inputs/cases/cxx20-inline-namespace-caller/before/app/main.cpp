#include "metrics/metrics_service.h"
#include "services/order_service.h"

int main() {
  shop::MetricsService metrics;
  shop::orders::OrderService orders(metrics);
  orders.Place({.part = "bolt", .quantity = 2});
  orders.Restock(5u);
  orders.Return({.part = "bolt", .quantity = 1});
  return 0;
}
