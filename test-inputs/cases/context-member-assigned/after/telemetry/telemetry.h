#pragma once

#include <prometheus/registry.h>

#include <memory>

namespace kiosk {
namespace telemetry {

class Telemetry {
 public:
  Telemetry();

  prometheus::Registry& registry() { return *registry_; }

 private:
  std::shared_ptr<prometheus::Registry> registry_;
};

}  // namespace telemetry
}  // namespace kiosk
