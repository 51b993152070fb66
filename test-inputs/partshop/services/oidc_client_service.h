#pragma once

#include <optional>
#include <string>

#include "metrics/metrics_service.h"

namespace partshop {

struct OidcEndpoints {
  std::string authorization_endpoint;
  std::string token_endpoint;
  std::string jwks_uri;
};

struct OidcTokens {
  std::string access_token;
  std::string id_token;
};

// Client side of the OpenID Connect login flow. The provider is simulated
// in-process; codes issued by the provider start with "code-".
class OidcClientService {
 public:
  explicit OidcClientService(std::string issuer_url,
                             MetricsServiceProtocol* metrics = nullptr);

  // Returns the provider endpoints, fetching the discovery document once.
  const OidcEndpoints& Discover();

  std::optional<OidcTokens> ExchangeCode(const std::string& code);

  const std::string& issuer_url() const { return issuer_url_; }

 private:
  std::string issuer_url_;
  MetricsServiceProtocol* metrics_;
  std::optional<OidcEndpoints> endpoints_;
};

}  // namespace partshop
