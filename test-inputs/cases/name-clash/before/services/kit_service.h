#pragma once

#include <string>
#include <vector>

#include "metrics/metrics_service.h"

namespace shop {

class KitService {
 public:
  explicit KitService(MetricsServiceProtocol& metrics);

  void CreateKit(const std::string& name);
  const std::vector<std::string>& audit_log() const { return audit_log_; }

 private:
  MetricsServiceProtocol& metrics_;
  std::vector<std::string> audit_log_;
};

}  // namespace shop
