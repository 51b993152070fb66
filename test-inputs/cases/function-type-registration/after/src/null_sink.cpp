#include "shipper/null_sink.h"

#include "shipper/file_sink.h"
#include "shipper/sink_registry.h"

#include <utility>

namespace shipper {

static const SinkRegistration<NullSink> null_registration{"null"};

NullSink::NullSink(const std::string& /*target*/) {}

bool NullSink::send(const std::vector<std::string>& lines) {
  if (lines.empty()) {
    SHIPPER_SEND_FAILURES_TOTAL.Add({{"sink", "null"}}).Increment();
    return false;
  }
  SHIPPER_BATCHES_SENT_TOTAL.Add({{"sink", "null"}}).Increment();
  return true;
}

}  // namespace shipper
