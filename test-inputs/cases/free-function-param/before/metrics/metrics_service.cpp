#include "metrics/metrics_service.h"

namespace shop {

MetricsService::MetricsService()
    : registry_(std::make_shared<prometheus::Registry>()),
      parts_api_requests_total_(
          prometheus::BuildCounter()
              .Name("parts_api_requests_total")
              .Help("Parts API requests, by endpoint and status")
              .Register(*registry_)) {}

void MetricsService::RecordPartsApiRequest(const std::string& endpoint,
                                           const std::string& status) {
  parts_api_requests_total_.Add({{"endpoint", endpoint}, {"status", status}})
      .Increment();
}

}  // namespace shop
