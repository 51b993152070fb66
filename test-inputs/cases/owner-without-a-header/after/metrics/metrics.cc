#include "metrics/metrics.h"
#include "metrics/registry.h"

namespace app {

Metrics::Metrics()
    : registry(app::DefaultRegistryPtr()),
      requests(prometheus::BuildCounter()
                   .Name("app_requests_total")
                   .Help("Requests by route")
                   .Register(*registry)) {}

void Metrics::count_request(const char* route) { requests.Add({{"route", route}}).Increment(); }

}  // namespace app
