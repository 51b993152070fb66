#include "services/auth_service.h"

namespace shop {

AuthService::AuthService(MetricsServiceProtocol& metrics) : metrics_(metrics) {}

void AuthService::Login(const std::string& user_id) {
  metrics_.RecordLogin(user_id);
}

void AuthService::LoginAsGuest() { metrics_.RecordLogin("guest"); }

}  // namespace shop
