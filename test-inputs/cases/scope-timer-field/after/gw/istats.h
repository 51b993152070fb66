#pragma once

namespace gw {

// What request handling reports.
class IStats {
 public:
  virtual ~IStats() = default;
  virtual void latency(double seconds) = 0;
};

}  // namespace gw
