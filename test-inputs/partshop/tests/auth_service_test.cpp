#include "services/auth_service.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "tests/mock_metrics_service.h"
#include "tests/testing_utils.h"

namespace partshop {
namespace {

using testing_utils::MockMetricsService;
using testing_utils::StubMetricsService;

TEST(AuthServiceTest, ValidTokenSucceedsUntilExpiry) {
  StubMetricsService stub;
  AuthService auth("partshop-api", stub);
  const std::string token = auth.IssueToken("alice", 2000);

  EXPECT_EQ(auth.Validate(token, 1999), AuthResult::kSuccess);
  EXPECT_EQ(auth.Validate(token, 2000), AuthResult::kExpired);
}

TEST(AuthServiceTest, UnknownAndRevokedTokensAreInvalid) {
  StubMetricsService stub;
  AuthService auth("partshop-api", stub);
  const std::string token = auth.IssueToken("alice", 2000);

  EXPECT_EQ(auth.Validate("garbage", 1000), AuthResult::kInvalid);
  auth.Revoke(token);
  EXPECT_EQ(auth.Validate(token, 1000), AuthResult::kInvalid);
}

TEST(AuthServiceTest, SubjectForReturnsIssuedSubject) {
  StubMetricsService stub;
  AuthService auth("partshop-api", stub);
  const std::string token = auth.IssueToken("bob", 2000);
  EXPECT_EQ(auth.SubjectFor(token), "bob");
  EXPECT_FALSE(auth.SubjectFor("other").has_value());
}

TEST(AuthServiceTest, ValidateRecordsResultAndDuration) {
  ::testing::StrictMock<MockMetricsService> metrics;
  AuthService auth("partshop-api", metrics);
  const std::string token = auth.IssueToken("alice", 2000);

  EXPECT_CALL(metrics, RecordAuthValidation(AuthResult::kExpired)).Times(1);
  EXPECT_CALL(metrics, RecordAuthValidationDuration(::testing::_)).Times(1);
  auth.Validate(token, 5000);
}

}  // namespace
}  // namespace partshop
