#include "shipper/telemetry.h"

namespace shipper {

Telemetry::Telemetry()
    : registry_(std::make_shared<prometheus::Registry>()),
      batches_(prometheus::BuildCounter()
                   .Name("shipper_batches_sent_total")
                   .Help("Batches a sink delivered")
                   .Register(*registry_)),
      failures_(prometheus::BuildCounter()
                    .Name("shipper_send_failures_total")
                    .Help("Batches a sink could not deliver")
                    .Register(*registry_)) {}

void Telemetry::batch_sent(const std::string& sink) {
  batches_.Add({{"sink", sink}}).Increment();
}

void Telemetry::send_failed(const std::string& sink) {
  failures_.Add({{"sink", sink}}).Increment();
}

}  // namespace shipper
