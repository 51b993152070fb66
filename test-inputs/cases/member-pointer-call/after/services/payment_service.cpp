#include "services/payment_service.h"

#include <prometheus/counter.h>
#include <prometheus/family.h>

#include <functional>

#include "metrics/registry.h"

namespace shop {

prometheus::Family<prometheus::Counter>& CHARGEBACK_CENTS_TOTAL =
    prometheus::BuildCounter()
        .Name("chargeback_cents_total")
        .Help("Money charged back")
        .Register(shop::metrics::DefaultRegistry());

PaymentService::PaymentService(MetricsServiceProtocol& metrics)
    : metrics_(metrics),
      on_refund_(std::bind(&MetricsServiceProtocol::RecordRefund, &metrics,
                           std::placeholders::_1)) {}

void PaymentService::Pay(const std::string& method, bool accepted) {
  Outcome record = accepted ? &MetricsServiceProtocol::RecordPaymentAccepted
                            : &MetricsServiceProtocol::RecordPaymentDeclined;
  (metrics_.*record)(method);
}

void PaymentService::Refund(int cents) { on_refund_(cents); }

void PaymentService::Chargeback(int cents) {
  std::function<void(int)> record = [](int amount) {
    CHARGEBACK_CENTS_TOTAL.Add({}).Increment(amount);
  };
  record(cents);
}

}  // namespace shop
