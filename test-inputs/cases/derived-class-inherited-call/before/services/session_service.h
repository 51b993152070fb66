#pragma once

#include <string>

#include "metrics/metrics_service.h"

namespace shop {

class SessionService {
 public:
  explicit SessionService(SessionMetricsProtocol& metrics);

  void Login(const std::string& realm);
  void Logout();
  void Expire();

 private:
  SessionMetricsProtocol& metrics_;
};

// Audits through the derived class itself.
class AuditService {
 public:
  explicit AuditService(AuditedMetricsService& metrics);

  void Audit();

 private:
  AuditedMetricsService& metrics_;
};

}  // namespace shop
