#include "shipper/null_sink.h"

#include "shipper/sink_registry.h"
#include "shipper/telemetry.h"

#include <utility>

namespace shipper {

static const SinkRegistration<NullSink> null_registration{"null"};

NullSink::NullSink(const std::string& /*target*/, std::shared_ptr<Telemetry> telemetry)
    : telemetry_(std::move(telemetry)) {}

bool NullSink::send(const std::vector<std::string>& lines) {
  if (lines.empty()) {
    telemetry_->send_failed("null");
    return false;
  }
  telemetry_->batch_sent("null");
  return true;
}

}  // namespace shipper
