#pragma once

#include <prometheus/registry.h>

#include <memory>
#include <string>

namespace shipper {

// Every metric the shipper exports.
class Telemetry {
 public:
  Telemetry();

  std::shared_ptr<prometheus::Registry> registry() const { return registry_; }

 private:
  std::shared_ptr<prometheus::Registry> registry_;
};

}  // namespace shipper
