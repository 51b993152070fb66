#pragma once

#include <string>
#include <vector>

#include "metrics/metrics_service.h"

namespace shop {

class OrderService {
 public:
  explicit OrderService(MetricsServiceProtocol& metrics);

  // Counts the order before checking it: a rejected order is counted too.
  void Submit(const std::string& order);
  // Checks first, counts last.
  void Cancel(const std::string& order);

 private:
  MetricsServiceProtocol& metrics_;
  std::vector<std::string> orders_;
};

}  // namespace shop
