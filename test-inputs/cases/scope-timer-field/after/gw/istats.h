#pragma once

namespace gw {

// What request handling reports.
class IStats {
 public:
  virtual ~IStats() = default;
};

}  // namespace gw
