#pragma once

#include <prometheus/counter.h>
#include <prometheus/family.h>

#include <memory>
#include <string>

namespace shop {

extern prometheus::Counter& PAYMENTS_FAILED_TOTAL;

class PaymentService {
 public:
  PaymentService(std::string currency);

  bool Charge(int cents);

 private:
  std::string currency_;
};

}  // namespace shop
