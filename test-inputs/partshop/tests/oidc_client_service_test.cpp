#include "services/oidc_client_service.h"

#include <gtest/gtest.h>

#include "tests/testing_utils.h"

namespace partshop {
namespace {

using testing_utils::StubMetricsService;

TEST(OidcClientServiceTest, DiscoverBuildsEndpointsFromIssuer) {
  StubMetricsService stub;
  OidcClientService oidc("https://auth.example.com/realms/shop", &stub);
  const OidcEndpoints& endpoints = oidc.Discover();
  EXPECT_EQ(
      endpoints.token_endpoint,
      "https://auth.example.com/realms/shop/protocol/openid-connect/token");
  EXPECT_EQ(&oidc.Discover(), &endpoints);
}

TEST(OidcClientServiceTest, ExchangeCodeReturnsTokensForValidCode) {
  StubMetricsService stub;
  OidcClientService oidc("https://auth.example.com", &stub);
  auto tokens = oidc.ExchangeCode("code-xyz");
  ASSERT_TRUE(tokens.has_value());
  EXPECT_EQ(tokens->access_token, "access-xyz");
  EXPECT_FALSE(oidc.ExchangeCode("xyz").has_value());
}

TEST(OidcClientServiceTest, WorksWithoutMetrics) {
  OidcClientService oidc("https://auth.example.com");
  EXPECT_TRUE(oidc.ExchangeCode("code-1").has_value());
  EXPECT_FALSE(oidc.ExchangeCode("").has_value());
}

}  // namespace
}  // namespace partshop
