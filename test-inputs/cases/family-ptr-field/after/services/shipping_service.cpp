#include "services/shipping_service.h"

#include <prometheus/counter.h>
#include <prometheus/family.h>

#include "metrics/registry.h"

namespace shop {

prometheus::Family<prometheus::Counter>& ORDERS_SHIPPED_TOTAL =
    prometheus::BuildCounter()
        .Name("orders_shipped_total")
        .Help("Orders shipped, by carrier")
        .Register(shop::metrics::DefaultRegistry());

ShippingService::ShippingService() {}

void ShippingService::Ship(int order_id, const std::string& carrier) {
  shipped_.push_back(order_id);
  ORDERS_SHIPPED_TOTAL.Add({{"carrier", carrier}}).Increment();
}

}  // namespace shop
