#include "services/kit_service.h"

namespace shop {
namespace {

// Key of the audit log entry, kept from the statsd days.
constexpr const char KITS_CREATED_TOTAL[] = "kits.created.total";

}  // namespace

KitService::KitService(MetricsServiceProtocol& metrics) : metrics_(metrics) {}

void KitService::CreateKit(const std::string& name) {
  audit_log_.push_back(std::string(KITS_CREATED_TOTAL) + " " + name);
  metrics_.RecordKitCreated();
}

}  // namespace shop
