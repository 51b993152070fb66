#pragma once

#include <map>
#include <string>

#include "metrics/metrics_service.h"

namespace shop {

class CacheService {
 public:
  explicit CacheService(MetricsServiceProtocol& metrics);

  bool Lookup(const std::string& region, const std::string& key);

 protected:
  // Subclasses in the tracing build record through it too.
  MetricsServiceProtocol& metrics_;

 private:
  std::map<std::string, std::string> entries_;
};

}  // namespace shop
