#include "shipper/file_sink.h"

#include "shipper/process_registry.h"
#include "shipper/sink_registry.h"

#include <fstream>
#include <prometheus/counter.h>
#include <prometheus/family.h>
#include <utility>

namespace shipper {

prometheus::Family<prometheus::Counter>& SHIPPER_BATCHES_SENT_TOTAL =
    prometheus::BuildCounter()
        .Name("shipper_batches_sent_total")
        .Help("Batches a sink delivered")
        .Register(shipper::process_registry());

prometheus::Family<prometheus::Counter>& SHIPPER_SEND_FAILURES_TOTAL =
    prometheus::BuildCounter()
        .Name("shipper_send_failures_total")
        .Help("Batches a sink could not deliver")
        .Register(shipper::process_registry());

static SinkRegistration<FileSink> file_registration("file");

FileSink::FileSink(std::string path) : path_(std::move(path)) {}

bool FileSink::send(const std::vector<std::string>& lines) {
  std::ofstream out(path_, std::ios::app);
  for (const std::string& line : lines) {
    out << line << '\n';
  }
  if (!out) {
    SHIPPER_SEND_FAILURES_TOTAL.Add({{"sink", "file"}}).Increment();
    return false;
  }
  SHIPPER_BATCHES_SENT_TOTAL.Add({{"sink", "file"}}).Increment();
  return true;
}

}  // namespace shipper
