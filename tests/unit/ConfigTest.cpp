//===--- ConfigTest.cpp - .metrics-migrate.yaml ---------------------------===//

#include "core/Config.h"

#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/raw_ostream.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace mm {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::StartsWith;

std::string errorOf(llvm::StringRef Text) {
  auto C = parseConfig(Text, "/p/.metrics-migrate.yaml");
  EXPECT_FALSE(static_cast<bool>(C));
  return C ? "" : llvm::toString(C.takeError());
}

TEST(Config, ReadsEveryKey) {
  auto C = parseConfig(R"yaml(# the service
service_class: partshop::MetricsService
registry:
  expr: "partshop::metrics::DefaultRegistry()"
  header: "metrics/registry.h"
  shared: "partshop::metrics::DefaultRegistryPtr()"
interfaces: [partshop::MetricsServiceProtocol]
test_doubles: [partshop::FakeMetrics]
exclude: [third_party/]
)yaml",
                       "/p/.metrics-migrate.yaml");
  ASSERT_TRUE(static_cast<bool>(C)) << llvm::toString(C.takeError());
  EXPECT_EQ(C->ServiceClass, "partshop::MetricsService");
  EXPECT_EQ(C->Registry.Expr, "partshop::metrics::DefaultRegistry()");
  EXPECT_EQ(C->Registry.Header, "metrics/registry.h");
  EXPECT_EQ(C->Registry.Shared, "partshop::metrics::DefaultRegistryPtr()");
  EXPECT_THAT(C->Interfaces, ElementsAre("partshop::MetricsServiceProtocol"));
  EXPECT_THAT(C->TestDoubles, ElementsAre("partshop::FakeMetrics"));
  EXPECT_THAT(C->Exclude, ElementsAre("third_party/"));
  EXPECT_EQ(C->Root, "/p");
  EXPECT_EQ(C->ServiceClassLine, 2u);
}

TEST(Config, UnknownKeyNamesFileAndLine) {
  EXPECT_THAT(errorOf("service_class: S\nregistry: {expr: r(), header: r.h}\nservce: x\n"),
              StartsWith("/p/.metrics-migrate.yaml:3:1: error: unknown key 'servce'"));
}

TEST(Config, MissingRequiredKey) {
  EXPECT_THAT(errorOf("service_class: S\n"),
              AllOf(StartsWith("/p/.metrics-migrate.yaml:1:1: error:"),
                    HasSubstr("missing required key 'registry'")));
  EXPECT_THAT(errorOf("service_class: S\nregistry:\n  expr: r()\n"),
              AllOf(StartsWith("/p/.metrics-migrate.yaml:3:3: error:"),
                    HasSubstr("missing required key 'header'")));
}

TEST(Config, EmptyServiceClassIsRejected) {
  EXPECT_THAT(errorOf("service_class: ''\nregistry: {expr: r(), header: r.h}\n"),
              HasSubstr("'service_class' must name a class"));
}

TEST(Config, EmptyOrCommentOnlyFileIsAnError) {
  // Found by fuzz/ConfigFuzzer.cpp: yaml::Input crashed reporting validate()'s
  // error when the stream held no document.
  for (const char *Text : {"", "# only a comment\n", "\n\n"})
    EXPECT_EQ(errorOf(Text), "/p/.metrics-migrate.yaml: error: the configuration is "
                             "empty; it needs 'service_class' and 'registry'");
}

TEST(Config, DocumentThatCannotBeReadIsAnError) {
  // Found by fuzz/ConfigFuzzer.cpp: a NUL byte left yaml::Input without a
  // node, and validate()'s error then crashed it.
  EXPECT_THAT(errorOf(llvm::StringRef("\0", 1)),
              StartsWith("/p/.metrics-migrate.yaml:1:1: error:"));
  EXPECT_THAT(errorOf(llvm::StringRef("service_class: S\0\n", 19)),
              StartsWith("/p/.metrics-migrate.yaml:1:"));
}

TEST(Config, ErrorWithoutALocationStillNamesTheFile) {
  // Found by fuzz/ConfigFuzzer.cpp: printed as `<unknown>:0: error: ...`.
  EXPECT_EQ(errorOf("?\n%"), "/p/.metrics-migrate.yaml: error: Map key must be a scalar");
}

TEST(Config, MalformedYaml) {
  EXPECT_THAT(errorOf("service_class: [S\nregistry: {expr: r(), header: r.h}\n"),
              StartsWith("/p/.metrics-migrate.yaml:"));
}

TEST(Config, FoundUpwardFromTheWorkingDirectory) {
  llvm::SmallString<128> Dir;
  ASSERT_FALSE(llvm::sys::fs::createUniqueDirectory("mm-config", Dir));
  llvm::SmallString<128> Nested(Dir);
  llvm::sys::path::append(Nested, "a", "b");
  ASSERT_FALSE(llvm::sys::fs::create_directories(Nested));
  llvm::SmallString<128> File(Dir);
  llvm::sys::path::append(File, ConfigFileName);
  {
    std::error_code EC;
    llvm::raw_fd_ostream OS(File, EC);
    ASSERT_FALSE(EC);
    OS << "service_class: S\nregistry: {expr: r(), header: r.h}\n";
  }
  auto Found = findConfig(Nested);
  ASSERT_TRUE(static_cast<bool>(Found)) << llvm::toString(Found.takeError());
  llvm::SmallString<128> Real;
  llvm::sys::fs::real_path(File, Real);
  llvm::SmallString<128> RealFound;
  llvm::sys::fs::real_path(*Found, RealFound);
  EXPECT_EQ(RealFound, Real);
  auto C = loadConfig(*Found);
  ASSERT_TRUE(static_cast<bool>(C));
  EXPECT_EQ(C->ServiceClass, "S");
  llvm::sys::fs::remove_directories(Dir);
}

TEST(Config, NotFoundSaysWhereItLooked) {
  auto Found = findConfig("/");
  ASSERT_FALSE(static_cast<bool>(Found));
  EXPECT_THAT(llvm::toString(Found.takeError()),
              HasSubstr("no .metrics-migrate.yaml found in /"));
}

TEST(ConfigTest, ExcludeDefaultsAndGlobs) {
  auto Default = parseConfig("service_class: S\nregistry: {expr: r(), header: r.h}\n",
                             "/p/.metrics-migrate.yaml");
  ASSERT_TRUE(static_cast<bool>(Default)) << llvm::toString(Default.takeError());
  EXPECT_THAT(Default->Exclude, ElementsAre("build*/", "third_party/"));
  EXPECT_TRUE(isExcluded(*Default, "build-release/gen/metrics.pb.h"));
  EXPECT_TRUE(isExcluded(*Default, "third_party/lib/x.cc"));
  EXPECT_FALSE(isExcluded(*Default, "src/build.cc"));
  EXPECT_FALSE(isExcluded(*Default, "src/third_party/x.cc"));

  // The config's list replaces the defaults.
  auto Mine = parseConfig("service_class: S\nregistry: {expr: r(), header: r.h}\n"
                          "exclude: ['*.pb.h', 'gen/']\n",
                          "/p/.metrics-migrate.yaml");
  ASSERT_TRUE(static_cast<bool>(Mine)) << llvm::toString(Mine.takeError());
  EXPECT_THAT(Mine->Exclude, ElementsAre("*.pb.h", "gen/"));
  EXPECT_TRUE(isExcluded(*Mine, "src/a.pb.h"));
  EXPECT_TRUE(isExcluded(*Mine, "gen/deep/a.h"));
  EXPECT_FALSE(isExcluded(*Mine, "build/a.h"));

  auto Bad = parseConfig("service_class: S\nregistry: {expr: r(), header: r.h}\n"
                         "exclude: ['[a-']\n",
                         "/p/.metrics-migrate.yaml");
  ASSERT_FALSE(static_cast<bool>(Bad));
  EXPECT_THAT(llvm::toString(Bad.takeError()), HasSubstr("bad glob '[a-'"));
}

} // namespace
} // namespace mm
