#include "services/session_service.h"

namespace shop {

SessionService::SessionService(SessionMetricsProtocol& metrics)
    : metrics_(metrics) {}

void SessionService::Login(const std::string& realm) {
  metrics_.RecordLogin(realm);
}

void SessionService::Logout() { metrics_.RecordLogout(); }

void SessionService::Expire() { metrics_.RecordSessionExpired(); }

AuditService::AuditService(AuditedMetricsService& metrics)
    : metrics_(metrics) {}

void AuditService::Audit() {
  metrics_.RecordLogin("audit");
  metrics_.AuditLogout();
  metrics_.RecordLogout();
}

}  // namespace shop
