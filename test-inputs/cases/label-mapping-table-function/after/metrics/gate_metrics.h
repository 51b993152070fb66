#pragma once

#include <prometheus/registry.h>

#include <memory>

namespace gate {

enum class Outcome { Opened, Refused, TimedOut };
enum class Reason { BadBadge, Curfew };
enum class Side { In, Out };

class GateMetrics {
public:
  GateMetrics();

  std::shared_ptr<prometheus::Registry> registry() const { return registry_; }

private:
  std::shared_ptr<prometheus::Registry> registry_;
};

} // namespace gate
