#pragma once

#include <prometheus/counter.h>
#include <prometheus/family.h>
#include <prometheus/gauge.h>
#include <prometheus/histogram.h>

#include <set>
#include <string>

namespace shop::orders {

extern prometheus::Histogram& ORDER_ITEMS;

extern prometheus::Counter& ORDERS_CANCELLED_TOTAL;

extern prometheus::Family<prometheus::Counter>& ORDERS_PLACED_TOTAL;

extern prometheus::Gauge& PENDING_ORDERS;

extern prometheus::Histogram& SHIPPING_DURATION_SECONDS;

class OrderService {
 public:
  OrderService();

  // Returns the new order's id.
  int Place(const std::string& channel, int items);
  void Cancel(int order_id);
  void Ship(int order_id);

 private:
  std::set<int> pending_;
  int next_id_ = 1;
};

}  // namespace shop::orders
