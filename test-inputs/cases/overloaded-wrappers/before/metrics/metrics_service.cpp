#include "metrics/metrics_service.h"

namespace shop {

MetricsService::MetricsService()
    : registry_(std::make_shared<prometheus::Registry>()),
      shipments_total_(prometheus::BuildCounter()
                           .Name("shipments_total")
                           .Help("Parcels shipped, by carrier")
                           .Register(*registry_)),
      shipment_kilograms_total_(prometheus::BuildCounter()
                                    .Name("shipment_kilograms_total")
                                    .Help("Weight shipped")
                                    .Register(*registry_)) {}

void MetricsService::RecordShipment(const std::string& carrier) {
  shipments_total_.Add({{"carrier", carrier}}).Increment();
}

void MetricsService::RecordShipment(const std::string& carrier, int parcels) {
  shipments_total_.Add({{"carrier", carrier}}).Increment(parcels);
}

void MetricsService::RecordShipment(double kilograms) {
  shipment_kilograms_total_.Add({}).Increment(kilograms);
}

// Parcels of an unknown carrier.
void MetricsService::RecordShipment(int parcels) {
  RecordShipment("unknown", parcels);
}

}  // namespace shop
