#ifndef TELEMETRY_TELEMETRY_H_
#define TELEMETRY_TELEMETRY_H_

#include <memory>

#include <prometheus/registry.h>

namespace telemetry {

class Telemetry {
 public:
  explicit Telemetry(std::shared_ptr<prometheus::Registry> registry);

 private:
  std::shared_ptr<prometheus::Registry> m_registry;
};

}  // namespace telemetry

#endif  // TELEMETRY_TELEMETRY_H_
