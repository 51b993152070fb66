#pragma once

#include <prometheus/counter.h>
#include <prometheus/family.h>
#include <prometheus/registry.h>

#include <memory>
#include <string>

namespace shop {

class MetricsServiceProtocol {
 public:
  virtual ~MetricsServiceProtocol() = default;

  virtual void RecordLogin(const std::string& realm) = 0;
  virtual void RecordAudit() = 0;
  virtual void RecordLogout() = 0;
};

// What the session code is handed: the protocol and one more method.
class SessionMetricsProtocol : public MetricsServiceProtocol {
 public:
  virtual void RecordSessionExpired() = 0;
};

class MetricsService : public SessionMetricsProtocol {
 public:
  MetricsService();

  std::shared_ptr<prometheus::Registry> registry() const { return registry_; }

  void RecordLogin(const std::string& realm) override;
  void RecordAudit() override;
  void RecordLogout() override;
  void RecordSessionExpired() override;

 private:
  std::shared_ptr<prometheus::Registry> registry_;
  prometheus::Family<prometheus::Counter>& logins_total_;
  prometheus::Counter* audits_total_;
  prometheus::Counter* logouts_total_;
  prometheus::Counter* sessions_expired_total_;
};

// Counts audit-realm logins twice, and expired sessions as audit logins.
class AuditedMetricsService : public MetricsService {
 public:
  void RecordLogin(const std::string& realm) override {
    MetricsService::RecordLogin(realm);
    if (realm == "audit") {
      MetricsService::RecordLogin("audit-copy");
    }
  }
  void RecordSessionExpired() override {
    MetricsService::RecordSessionExpired();
    MetricsService::RecordLogin("audit-expired");
  }
  // Calls a wrapper it inherits and does not override.
  void AuditLogout() { RecordAudit(); }
};

}  // namespace shop
