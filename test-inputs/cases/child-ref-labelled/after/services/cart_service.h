#pragma once

#include <prometheus/family.h>
#include <prometheus/gauge.h>

#include <map>
#include <string>

namespace shop {

extern prometheus::Gauge& CARTS_OPEN;

class CartService {
 public:
  CartService();

  void Open(const std::string& customer);
  void Close(const std::string& customer);

 private:
  std::map<std::string, int> carts_;
};

}  // namespace shop
