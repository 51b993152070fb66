#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>

#include "metrics/metrics_service.h"

namespace partshop {

// Issues and validates opaque bearer tokens for the API. Times are passed
// in explicitly (seconds since epoch) so callers control the clock.
class AuthService {
 public:
  AuthService(std::string audience, MetricsServiceProtocol& metrics);

  std::string IssueToken(const std::string& subject, std::int64_t expires_at);
  AuthResult Validate(const std::string& token, std::int64_t now);
  void Revoke(const std::string& token);

  std::optional<std::string> SubjectFor(const std::string& token) const;
  const std::string& audience() const { return audience_; }

 private:
  struct TokenInfo {
    std::string subject;
    std::int64_t expires_at = 0;
  };

  std::string audience_;
  MetricsServiceProtocol& metrics_;
  std::map<std::string, TokenInfo> tokens_;
  int next_serial_ = 1;
};

}  // namespace partshop
