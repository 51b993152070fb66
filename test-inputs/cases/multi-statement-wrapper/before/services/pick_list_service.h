#pragma once

#include <string>
#include <vector>

#include "metrics/metrics_service.h"

namespace shop {

class PickListService {
 public:
  explicit PickListService(MetricsServiceProtocol& metrics);

  int Create(const std::vector<std::string>& parts);

 private:
  MetricsServiceProtocol& metrics_;
  std::vector<std::vector<std::string>> lists_;
};

}  // namespace shop
