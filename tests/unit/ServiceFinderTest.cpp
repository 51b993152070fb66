//===--- ServiceFinderTest.cpp - init's guess of the service class --------===//

#include "matchers/ServiceFinder.h"

#include "tests/unit/Snippet.h"

#include "clang/Tooling/Tooling.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace mm {
namespace {

using ::testing::ElementsAre;
using ::testing::IsEmpty;

ServiceCandidates candidatesFor(const std::string &Code) {
  ServiceCandidates Out;
  bool OK = clang::tooling::runToolOnCodeWithArgs(
      newServiceFinderFactory("/project", Out)->create(), test::PrometheusIncludes + Code,
      {"-std=c++17"}, "/project/input.cc");
  EXPECT_TRUE(OK) << "snippet did not compile";
  return Out;
}

/// Two classes with metric fields; the one injected (through its
/// interface) into two constructors is the service.
const char *const TwoCandidates = R"cpp(
namespace shop {
class Recorder {
 public:
  virtual ~Recorder() = default;
  virtual void Record() = 0;
};
class Metrics : public Recorder {
 public:
  void Record() override { jobs_->Increment(); }
 private:
  prometheus::Family<prometheus::Counter>* family_ = nullptr;
  prometheus::Counter* jobs_ = nullptr;
};
class Poller {
 private:
  prometheus::Gauge* depth_ = nullptr;
  prometheus::Gauge* age_ = nullptr;
  prometheus::Gauge* size_ = nullptr;
};
class Cart {
 public:
  explicit Cart(Recorder& r);
};
Cart::Cart(Recorder& r) { r.Record(); }
class Orders {
 public:
  Orders(int n, std::shared_ptr<Recorder> r) {}
};
prometheus::Registry& DefaultRegistry();
std::shared_ptr<prometheus::Registry> SharedRegistry();
const std::shared_ptr<prometheus::Registry>& RegistryRef();
std::shared_ptr<int> NotARegistry();
}  // namespace shop
)cpp";

TEST(ServiceFinderTest, PicksTheMostInjectedClassWithMetricFields) {
  ServiceCandidates C = candidatesFor(TwoCandidates);
  ASSERT_EQ(C.Classes.count("shop::Metrics"), 1u);
  const ClassCandidate &M = C.Classes.at("shop::Metrics");
  EXPECT_THAT(M.Bases, ElementsAre("shop::Recorder"));
  EXPECT_THAT(M.MetricFields, ElementsAre("family_", "jobs_"));
  EXPECT_EQ(M.File, "input.cc");
  // One parameter per constructor, however often it is declared.
  EXPECT_EQ(C.Classes.at("shop::Recorder").Injections.size(), 2u);

  ServiceChoice Choice = pickService(C);
  ASSERT_NE(Choice.Service, nullptr);
  EXPECT_EQ(Choice.Service->Name, "shop::Metrics");
  EXPECT_EQ(Choice.Injections, 2u);

  ASSERT_EQ(C.Registries.size(), 1u);
  EXPECT_EQ(C.Registries.begin()->Expr, "shop::DefaultRegistry()");
  // By value or by reference; a shared_ptr to anything else is not one.
  std::vector<std::string> Shared;
  for (const RegistryAccessor &R : C.SharedRegistries)
    Shared.push_back(R.Expr);
  EXPECT_THAT(Shared, ElementsAre("shop::RegistryRef()", "shop::SharedRegistry()"));
}

TEST(ServiceFinderTest, WithoutInjectionMoreMetricFieldsWin) {
  ServiceCandidates C = candidatesFor(R"cpp(
namespace shop {
class Small { prometheus::Counter* a_ = nullptr; };
class Big { prometheus::Counter* a_ = nullptr; prometheus::Gauge* b_ = nullptr; };
}  // namespace shop
)cpp");
  ServiceChoice Choice = pickService(C);
  ASSERT_NE(Choice.Service, nullptr);
  EXPECT_EQ(Choice.Service->Name, "shop::Big");
  EXPECT_EQ(Choice.Injections, 0u);
}

TEST(ServiceFinderTest, NothingWithoutMetricFields) {
  ServiceCandidates C = candidatesFor(R"cpp(
namespace shop {
class Config { int port_ = 0; };
class Server { public: explicit Server(Config& c) {} };
}  // namespace shop
)cpp");
  EXPECT_EQ(pickService(C).Service, nullptr);
  EXPECT_THAT(C.Registries, IsEmpty());
  EXPECT_THAT(C.SharedRegistries, IsEmpty());
}

TEST(ServiceFinderTest, MergeUnitesWhatEachTUSaw) {
  ServiceCandidates A = candidatesFor(TwoCandidates), B = candidatesFor(TwoCandidates);
  B.Classes["shop::Recorder"].Injections.insert("other.cc:3:10");
  mergeCandidates(A, B);
  EXPECT_EQ(A.Classes.at("shop::Recorder").Injections.size(), 3u);
  EXPECT_THAT(A.Classes.at("shop::Metrics").Bases, ElementsAre("shop::Recorder"));
  EXPECT_EQ(pickService(A).Injections, 3u);
}

} // namespace
} // namespace mm
