#pragma once

#include "shipper/sink.h"

#include <memory>
#include <string>
#include <vector>

namespace shipper {
class Telemetry;
}

namespace shipper {

// Appends each batch to a file.
class FileSink : public Sink {
 public:
  FileSink(std::string path, std::shared_ptr<Telemetry> telemetry);

  bool send(const std::vector<std::string>& lines) override;

 private:
  std::string path_;
  std::shared_ptr<Telemetry> telemetry_;
};

}  // namespace shipper
