#pragma once

#include <string>
#include <vector>

namespace shipper {

// Where batches of log lines go.
class Sink {
 public:
  virtual ~Sink() = default;
  virtual bool send(const std::vector<std::string>& lines) = 0;
};

}  // namespace shipper
