#include "services/shipping_service.h"

namespace shop {

ShippingService::ShippingService(MetricsServiceProtocol& metrics)
    : metrics_(metrics) {}

void ShippingService::Ship(const std::string& carrier, int parcels,
                           double kilograms) {
  if (parcels == 1) {
    metrics_.RecordShipment(carrier);
  } else {
    metrics_.RecordShipment(carrier, parcels);
  }
  metrics_.RecordShipment(kilograms);
}

void ShippingService::ShipUnlabelled(int parcels) {
  metrics_.RecordShipment(parcels);
}

}  // namespace shop
