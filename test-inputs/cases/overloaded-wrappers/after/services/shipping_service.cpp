#include "services/shipping_service.h"

#include <prometheus/counter.h>
#include <prometheus/family.h>

#include "metrics/registry.h"

namespace shop {

prometheus::Family<prometheus::Counter>& SHIPMENT_KILOGRAMS_TOTAL =
    prometheus::BuildCounter()
        .Name("shipment_kilograms_total")
        .Help("Weight shipped")
        .Register(shop::metrics::DefaultRegistry());

ShippingService::ShippingService(MetricsServiceProtocol& metrics)
    : metrics_(metrics) {}

void ShippingService::Ship(const std::string& carrier, int parcels,
                           double kilograms) {
  if (parcels == 1) {
    metrics_.RecordShipment(carrier);
  } else {
    metrics_.RecordShipment(carrier, parcels);
  }
  SHIPMENT_KILOGRAMS_TOTAL.Add({}).Increment(kilograms);
}

void ShippingService::ShipUnlabelled(int parcels) {
  metrics_.RecordShipment(parcels);
}

}  // namespace shop
