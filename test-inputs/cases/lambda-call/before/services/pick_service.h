#pragma once

#include <string>
#include <vector>

#include "metrics/metrics_service.h"

namespace shop {

struct PickLine {
  std::string part;
  int wanted = 0;
  int available = 0;
};

class PickService {
 public:
  explicit PickService(MetricsServiceProtocol& metrics);

  // Picks every line; returns how many could be picked in full.
  int PickAll(const std::vector<PickLine>& lines);

 private:
  MetricsServiceProtocol& metrics_;
};

}  // namespace shop
