#include "services/oidc_client_service.h"

#include <utility>

namespace partshop {
namespace {

constexpr char kCodePrefix[] = "code-";

}  // namespace

OidcClientService::OidcClientService(std::string issuer_url,
                                     MetricsServiceProtocol* metrics)
    : issuer_url_(std::move(issuer_url)), metrics_(metrics) {}

const OidcEndpoints& OidcClientService::Discover() {
  if (!endpoints_) {
    if (metrics_ != nullptr) {
      metrics_->RecordOidcDiscoveryRequest();
    }
    endpoints_ = OidcEndpoints{issuer_url_ + "/protocol/openid-connect/auth",
                               issuer_url_ + "/protocol/openid-connect/token",
                               issuer_url_ + "/protocol/openid-connect/certs"};
  }
  return *endpoints_;
}

std::optional<OidcTokens> OidcClientService::ExchangeCode(
    const std::string& code) {
  Discover();
  if (code.rfind(kCodePrefix, 0) != 0) {
    if (metrics_ != nullptr) {
      metrics_->RecordOidcTokenExchange("error");
    }
    return std::nullopt;
  }

  const std::string suffix = code.substr(sizeof(kCodePrefix) - 1);
  OidcTokens tokens{"access-" + suffix, "id-" + suffix};
  if (metrics_ != nullptr) {
    metrics_->RecordOidcTokenExchange("success");
  }
  return tokens;
}

}  // namespace partshop
