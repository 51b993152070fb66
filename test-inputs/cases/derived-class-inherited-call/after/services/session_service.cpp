#include "services/session_service.h"

#include <prometheus/counter.h>
#include <prometheus/family.h>

#include "metrics/registry.h"

namespace shop {

prometheus::Counter& LOGOUTS_TOTAL =
    prometheus::BuildCounter()
        .Name("logouts_total")
        .Help("Logouts")
        .Register(shop::metrics::DefaultRegistry())
        .Add({});

SessionService::SessionService(SessionMetricsProtocol& metrics)
    : metrics_(metrics) {}

void SessionService::Login(const std::string& realm) {
  metrics_.RecordLogin(realm);
}

void SessionService::Logout() { LOGOUTS_TOTAL.Increment(); }

void SessionService::Expire() { metrics_.RecordSessionExpired(); }

AuditService::AuditService(AuditedMetricsService& metrics)
    : metrics_(metrics) {}

void AuditService::Audit() {
  metrics_.RecordLogin("audit");
  metrics_.AuditLogout();
  LOGOUTS_TOTAL.Increment();
}

}  // namespace shop
