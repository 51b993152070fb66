#include "metrics/metrics_service.h"

#include "metrics/registry.h"

namespace shop {

MetricsService::MetricsService()
    : registry_(shop::metrics::DefaultRegistryPtr()),
      shipments_total_(prometheus::BuildCounter()
                           .Name("shipments_total")
                           .Help("Parcels shipped, by carrier")
                           .Register(*registry_)) {}

void MetricsService::RecordShipment(const std::string& carrier) {
  shipments_total_.Add({{"carrier", carrier}}).Increment();
}

void MetricsService::RecordShipment(const std::string& carrier, int parcels) {
  shipments_total_.Add({{"carrier", carrier}}).Increment(parcels);
}

// Parcels of an unknown carrier.
void MetricsService::RecordShipment(int parcels) {
  RecordShipment("unknown", parcels);
}

}  // namespace shop
