#pragma once

#include <string>

#include "metrics/metrics_service.h"

namespace shop {

class QuoteService {
 public:
  explicit QuoteService(MetricsServiceProtocol& metrics);

  int Quote(const std::string& part, int quantity);

 private:
  MetricsServiceProtocol& metrics_;
};

}  // namespace shop
