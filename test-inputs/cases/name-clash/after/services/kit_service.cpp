#include "services/kit_service.h"

#include <prometheus/counter.h>
#include <prometheus/family.h>

#include "metrics/registry.h"

namespace shop {

prometheus::Counter& KITS_CREATED_TOTAL_METRIC =
    prometheus::BuildCounter()
        .Name("kits_created_total")
        .Help("Kits created")
        .Register(shop::metrics::DefaultRegistry())
        .Add({});

namespace {

// Key of the audit log entry, kept from the statsd days.
constexpr const char KITS_CREATED_TOTAL[] = "kits.created.total";

}  // namespace

KitService::KitService() {}

void KitService::CreateKit(const std::string& name) {
  audit_log_.push_back(std::string(KITS_CREATED_TOTAL) + " " + name);
  KITS_CREATED_TOTAL_METRIC.Increment();
}

}  // namespace shop
