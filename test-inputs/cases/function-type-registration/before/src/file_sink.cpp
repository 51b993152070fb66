#include "shipper/file_sink.h"

#include "shipper/sink_registry.h"
#include "shipper/telemetry.h"

#include <fstream>
#include <utility>

namespace shipper {

static SinkRegistration<FileSink> file_registration("file");

FileSink::FileSink(std::string path, std::shared_ptr<Telemetry> telemetry)
    : path_(std::move(path)), telemetry_(std::move(telemetry)) {}

bool FileSink::send(const std::vector<std::string>& lines) {
  std::ofstream out(path_, std::ios::app);
  for (const std::string& line : lines) {
    out << line << '\n';
  }
  if (!out) {
    telemetry_->send_failed("file");
    return false;
  }
  telemetry_->batch_sent("file");
  return true;
}

}  // namespace shipper
