#include "services/shipping_service.h"

#include <prometheus/counter.h>
#include <prometheus/family.h>

#include "metrics/registry.h"

namespace shop {

prometheus::Counter& ORDERS_SHIPPED_TOTAL =
    prometheus::BuildCounter()
        .Name("orders_shipped_total")
        .Help("Orders shipped")
        .Register(shop::metrics::DefaultRegistry())
        .Add({});

ShippingService::ShippingService() {}

void ShippingService::Ship(int order_id) {
  shipped_.push_back(order_id);
  ORDERS_SHIPPED_TOTAL.Increment();
}

}  // namespace shop
