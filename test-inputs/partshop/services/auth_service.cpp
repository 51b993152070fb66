#include "services/auth_service.h"

#include <chrono>
#include <utility>

namespace partshop {

AuthService::AuthService(std::string audience, MetricsServiceProtocol& metrics)
    : audience_(std::move(audience)), metrics_(metrics) {}

std::string AuthService::IssueToken(const std::string& subject,
                                    std::int64_t expires_at) {
  std::string token =
      audience_ + "." + subject + "." + std::to_string(next_serial_++);
  tokens_[token] = TokenInfo{subject, expires_at};
  return token;
}

AuthResult AuthService::Validate(const std::string& token, std::int64_t now) {
  const auto start = std::chrono::steady_clock::now();

  AuthResult result = AuthResult::kInvalid;
  auto it = tokens_.find(token);
  if (it != tokens_.end()) {
    result = now < it->second.expires_at ? AuthResult::kSuccess
                                         : AuthResult::kExpired;
  }

  metrics_.RecordAuthValidation(result);
  metrics_.RecordAuthValidationDuration(
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start)
          .count());
  return result;
}

void AuthService::Revoke(const std::string& token) { tokens_.erase(token); }

std::optional<std::string> AuthService::SubjectFor(
    const std::string& token) const {
  auto it = tokens_.find(token);
  if (it == tokens_.end()) {
    return std::nullopt;
  }
  return it->second.subject;
}

}  // namespace partshop
