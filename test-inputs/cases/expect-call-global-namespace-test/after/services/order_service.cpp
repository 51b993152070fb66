#include "services/order_service.h"

#include <prometheus/counter.h>
#include <prometheus/family.h>
#include <prometheus/gauge.h>
#include <prometheus/histogram.h>

#include <chrono>

#include "metrics/registry.h"

namespace shop::orders {

prometheus::Histogram& ORDER_ITEMS =
    prometheus::BuildHistogram()
        .Name("order_items")
        .Help("Items per order")
        .Register(shop::metrics::DefaultRegistry())
        .Add({}, prometheus::Histogram::BucketBoundaries{1, 5, 10});

prometheus::Counter& ORDERS_CANCELLED_TOTAL =
    prometheus::BuildCounter()
        .Name("orders_cancelled_total")
        .Help("Orders cancelled")
        .Register(shop::metrics::DefaultRegistry())
        .Add({});

prometheus::Family<prometheus::Counter>& ORDERS_PLACED_TOTAL =
    prometheus::BuildCounter()
        .Name("orders_placed_total")
        .Help("Orders placed, by channel")
        .Register(shop::metrics::DefaultRegistry());

prometheus::Gauge& PENDING_ORDERS =
    prometheus::BuildGauge()
        .Name("pending_orders")
        .Help("Orders placed and not yet shipped")
        .Register(shop::metrics::DefaultRegistry())
        .Add({});

prometheus::Histogram& SHIPPING_DURATION_SECONDS =
    prometheus::BuildHistogram()
        .Name("shipping_duration_seconds")
        .Help("Time to ship an order")
        .Register(shop::metrics::DefaultRegistry())
        .Add({}, prometheus::Histogram::BucketBoundaries{0.01, 0.1, 1});

OrderService::OrderService() {}

int OrderService::Place(const std::string& channel, int items) {
  const int id = next_id_++;
  pending_.insert(id);
  ORDERS_PLACED_TOTAL.Add({{"channel", channel}}).Increment();
  ORDER_ITEMS.Observe(items);
  PENDING_ORDERS.Set(static_cast<int>(pending_.size()));
  return id;
}

void OrderService::Cancel(int order_id) {
  if (pending_.erase(order_id) > 0) {
    ORDERS_CANCELLED_TOTAL.Increment();
    PENDING_ORDERS.Set(static_cast<int>(pending_.size()));
  }
}

void OrderService::Ship(int order_id) {
  const auto start = std::chrono::steady_clock::now();
  pending_.erase(order_id);
  const std::chrono::duration<double> elapsed =
      std::chrono::steady_clock::now() - start;
  SHIPPING_DURATION_SECONDS.Observe(elapsed.count());
}

}  // namespace shop::orders
