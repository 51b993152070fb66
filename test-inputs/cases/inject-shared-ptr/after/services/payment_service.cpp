#include "services/payment_service.h"

#include <prometheus/counter.h>
#include <prometheus/family.h>

#include <utility>

#include "metrics/registry.h"

namespace shop {

prometheus::Counter& PAYMENTS_FAILED_TOTAL =
    prometheus::BuildCounter()
        .Name("payments_failed_total")
        .Help("Payments that were declined")
        .Register(shop::metrics::DefaultRegistry())
        .Add({});

PaymentService::PaymentService(std::string currency)
    : currency_(std::move(currency)) {}

bool PaymentService::Charge(int cents) {
  if (cents <= 0 || currency_.empty()) {
    PAYMENTS_FAILED_TOTAL.Increment();
    return false;
  }
  return true;
}

}  // namespace shop
