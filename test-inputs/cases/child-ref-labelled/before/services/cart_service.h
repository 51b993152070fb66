#pragma once

#include <map>
#include <string>

#include "metrics/metrics_service.h"

namespace shop {

class CartService {
 public:
  explicit CartService(MetricsServiceProtocol& metrics);

  void Open(const std::string& customer);
  void Close(const std::string& customer);

 private:
  MetricsServiceProtocol& metrics_;
  std::map<std::string, int> carts_;
};

}  // namespace shop
