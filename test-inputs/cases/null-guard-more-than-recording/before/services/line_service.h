#pragma once

#include <string>
#include <vector>

#include "metrics/metrics_service.h"

namespace shop {

class LineService {
 public:
  explicit LineService(MetricsServiceProtocol* metrics = nullptr);

  int AddLine(const std::string& part);
  void ReceiveLine(int line, const std::string& supplier);
  void Reset();

 private:
  MetricsServiceProtocol* metrics_;
  std::vector<std::string> lines_;
  std::vector<bool> received_;
};

}  // namespace shop
