#pragma once

#include "shipper/sink.h"

#include <memory>
#include <string>
#include <vector>

namespace shipper {
class Telemetry;
}

namespace shipper {

// Drops every batch; refuses empty ones, as a real sink would.
class NullSink : public Sink {
 public:
  NullSink(const std::string& target, std::shared_ptr<Telemetry> telemetry);

  bool send(const std::vector<std::string>& lines) override;

 private:
  std::shared_ptr<Telemetry> telemetry_;
};

}  // namespace shipper
