#pragma once

#include <string>

#include "metrics/metrics_service.h"

namespace shop {

class KitService {
 public:
  KitService(std::string line, MetricsServiceProtocol& metrics);

  void Build();

 private:
  std::string line_;
  MetricsServiceProtocol& metrics_;
};

}  // namespace shop
