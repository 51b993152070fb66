#pragma once

#include <string>
#include <vector>

#include "metrics/metrics_service.h"

namespace shop {

class SearchService {
 public:
  explicit SearchService(MetricsServiceProtocol& metrics);

  std::vector<std::string> Search(const std::string& query);

 private:
  MetricsServiceProtocol& metrics_;
  std::vector<std::string> parts_;
};

}  // namespace shop
