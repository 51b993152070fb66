#include "metrics/metrics.h"

namespace app {

Metrics::Metrics()
    : registry(std::make_shared<prometheus::Registry>()),
      requests(prometheus::BuildCounter()
                   .Name("app_requests_total")
                   .Help("Requests by route")
                   .Register(*registry)),
      errors(prometheus::BuildCounter()
                 .Name("app_errors_total")
                 .Help("Requests that failed")
                 .Register(*registry)
                 .Add({})) {}

void Metrics::count_request(const char* route) { requests.Add({{"route", route}}).Increment(); }

void Metrics::count_error() { errors.Increment(); }

}  // namespace app
