#pragma once

#include <prometheus/counter.h>
#include <prometheus/family.h>

#include <string>

#include "metrics/metrics_service.h"

namespace shop {

extern prometheus::Family<prometheus::Counter>& SHIPMENT_KILOGRAMS_TOTAL;

class ShippingService {
 public:
  explicit ShippingService(MetricsServiceProtocol& metrics);

  void Ship(const std::string& carrier, int parcels, double kilograms);
  void ShipUnlabelled(int parcels);

 private:
  MetricsServiceProtocol& metrics_;
};

}  // namespace shop
