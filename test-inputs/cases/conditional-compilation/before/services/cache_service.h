#pragma once

#include <map>
#include <string>

#include "metrics/metrics_service.h"

namespace shop {

class CacheService {
 public:
  explicit CacheService(MetricsServiceProtocol& metrics);

  bool Lookup(const std::string& region, const std::string& key);

 private:
  MetricsServiceProtocol& metrics_;
  std::map<std::string, std::string> entries_;
};

}  // namespace shop
