#include "services/cart_service.h"

#include <prometheus/family.h>
#include <prometheus/gauge.h>

#include "metrics/registry.h"

namespace shop {

prometheus::Gauge& CARTS_OPEN =
    prometheus::BuildGauge()
        .Name("carts_open")
        .Help("Shopping carts currently open, by store")
        .Register(shop::metrics::DefaultRegistry())
        .Add({{"store", "web"}});

CartService::CartService() {}

void CartService::Open(const std::string& customer) {
  carts_[customer] = 0;
  CARTS_OPEN.Set(static_cast<int>(carts_.size()));
}

void CartService::Close(const std::string& customer) {
  carts_.erase(customer);
  CARTS_OPEN.Set(static_cast<int>(carts_.size()));
}

}  // namespace shop
