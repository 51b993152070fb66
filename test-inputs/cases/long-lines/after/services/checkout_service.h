#pragma once

#include <prometheus/counter.h>
#include <prometheus/family.h>

#include <string>

namespace shop {

extern prometheus::Family<prometheus::Counter>& CHECKOUTS_TOTAL;

class CheckoutService {
 public:
  CheckoutService();

  void Checkout(const std::string& region, const std::string& store);
};

}  // namespace shop
