#include "metrics/metrics_service.h"

namespace shop {

MetricsService::MetricsService()
    : registry_(std::make_shared<prometheus::Registry>()),
      import_rows_total_(prometheus::BuildCounter()
                             .Name("import_rows_total")
                             .Help("Rows imported, by kind")
                             .Register(*registry_)) {}

void MetricsService::RecordRowImported(const std::string& kind) {
  import_rows_total_.Add({{"kind", kind}}).Increment();
}

}  // namespace shop
