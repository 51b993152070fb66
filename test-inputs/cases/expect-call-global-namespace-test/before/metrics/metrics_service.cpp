#include "metrics/metrics_service.h"

namespace shop {

MetricsService::MetricsService()
    : registry_(std::make_shared<prometheus::Registry>()),
      orders_placed_total_(prometheus::BuildCounter()
                               .Name("orders_placed_total")
                               .Help("Orders placed, by channel")
                               .Register(*registry_)),
      orders_cancelled_total_(prometheus::BuildCounter()
                                  .Name("orders_cancelled_total")
                                  .Help("Orders cancelled")
                                  .Register(*registry_)
                                  .Add({})),
      order_items_(
          prometheus::BuildHistogram()
              .Name("order_items")
              .Help("Items per order")
              .Register(*registry_)
              .Add({}, prometheus::Histogram::BucketBoundaries{1, 5, 10})),
      shipping_duration_seconds_(
          prometheus::BuildHistogram()
              .Name("shipping_duration_seconds")
              .Help("Time to ship an order")
              .Register(*registry_)
              .Add({}, prometheus::Histogram::BucketBoundaries{0.01, 0.1, 1})),
      pending_orders_(prometheus::BuildGauge()
                          .Name("pending_orders")
                          .Help("Orders placed and not yet shipped")
                          .Register(*registry_)
                          .Add({})) {}

void MetricsService::RecordOrderPlaced(const std::string& channel) {
  orders_placed_total_.Add({{"channel", channel}}).Increment();
}

void MetricsService::RecordOrderCancelled() {
  orders_cancelled_total_.Increment();
}

void MetricsService::SetPendingOrders(int count) { pending_orders_.Set(count); }

void MetricsService::RecordOrderItems(int items) {
  order_items_.Observe(items);
}

void MetricsService::RecordShippingDuration(double seconds) {
  shipping_duration_seconds_.Observe(seconds);
}

}  // namespace shop
