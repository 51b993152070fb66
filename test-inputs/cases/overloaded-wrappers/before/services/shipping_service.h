#pragma once

#include <string>

#include "metrics/metrics_service.h"

namespace shop {

class ShippingService {
 public:
  explicit ShippingService(MetricsServiceProtocol& metrics);

  void Ship(const std::string& carrier, int parcels, double kilograms);
  void ShipUnlabelled(int parcels);

 private:
  MetricsServiceProtocol& metrics_;
};

}  // namespace shop
