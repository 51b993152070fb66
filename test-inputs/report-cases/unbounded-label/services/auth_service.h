#pragma once

#include <string>

#include "metrics/metrics_service.h"

namespace shop {

class AuthService {
 public:
  explicit AuthService(MetricsServiceProtocol& metrics);

  // Labels the login with the caller's user id: one series per user.
  void Login(const std::string& user_id);
  // Labels the login with a fixed value.
  void LoginAsGuest();

 private:
  MetricsServiceProtocol& metrics_;
};

}  // namespace shop
