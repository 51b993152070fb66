#pragma once

#include <map>
#include <string>

#include "metrics/metrics_service.h"

namespace shop {

class CatalogService {
 public:
  explicit CatalogService(MetricsServiceProtocol& metrics);

  int Price(const std::string& part);
  int CheapestOf(const std::string& a, const std::string& b);

 private:
  MetricsServiceProtocol& metrics_;
  std::map<std::string, int> prices_;
};

}  // namespace shop
