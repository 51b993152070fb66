#pragma once

#include <string>
#include <vector>

#include "metrics/metrics_service.h"

namespace shop {

class KitService {
 public:
  explicit KitService(MetricsServiceProtocol& metrics);

  int CreateKit(const std::string& name);
  void CreateKits(const std::string& prefix, int count);

 private:
  MetricsServiceProtocol& metrics_;
  std::vector<std::string> kits_;
};

}  // namespace shop
