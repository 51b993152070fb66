//===--- FunctionTypeRecorderTest.cpp - std::function types carrying it ---===//

#include "tests/unit/Snippet.h"

#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace mm::test {
namespace {

using ::testing::IsEmpty;

const char *const Factory = R"cpp(
#include <functional>
#include <memory>
#include <utility>
namespace shop { class MetricsService; }
namespace app {
struct Reader {
  Reader(int fd, std::shared_ptr<shop::MetricsService> m);
  virtual ~Reader() = default;
};
struct Tail : Reader {
  Tail(int fd, std::shared_ptr<shop::MetricsService> m) : Reader(fd, std::move(m)) {}
};
using Maker = std::function<std::unique_ptr<Reader>(int fd, std::shared_ptr<shop::MetricsService>)>;
using Filter = std::function<bool(int)>;
void add(Maker maker);
template <typename T> struct Registration {
  Registration() {
    add([](int fd, std::shared_ptr<shop::MetricsService> m) {
      return std::make_unique<T>(fd, std::move(m));
    });
  }
};
Registration<Reader> reader_registration;
Registration<Tail> tail_registration;
std::unique_ptr<Reader> make(Maker &maker, std::shared_ptr<shop::MetricsService> m) {
  return maker(3, std::move(m));
}
std::unique_ptr<Reader> build(int fd, std::shared_ptr<shop::MetricsService> m);
void direct() {
  Maker by_function = &build;
  Maker none = nullptr;
  Maker copy = by_function;
  Filter accept = [](int) { return true; };
  accept(1);
}
}  // namespace app
)cpp";

TEST(FunctionTypes, SignaturesLambdasAndCallsCarryingTheService) {
  std::string Code = Factory;
  TUFacts F = factsFor(Code);
  auto Text = [&](const SourceSpan &S) { return Code.substr(S.Offset, S.Length); };
  std::vector<InjectionPoint> Signature, Lambda;
  for (const InjectionPoint &IP : F.Partial.InjectionPoints) {
    if (IP.Kind == InjectionKind::FunctionTypeParam)
      Signature.push_back(IP);
    if (IP.Owner.rfind("lambda at ", 0) == 0)
      Lambda.push_back(IP);
  }
  // The signature's parameter, by the canonical type: the key of the rest.
  ASSERT_EQ(Signature.size(), 1u);
  const std::string &Type = Signature[0].Owner;
  EXPECT_EQ(Type.rfind("std::function<std::unique_ptr<app::Reader", 0), 0u) << Type;
  EXPECT_EQ(Signature[0].Index, 1u);
  EXPECT_EQ(Signature[0].Name, "");
  EXPECT_EQ(Signature[0].How, Holder::SharedPtr);
  EXPECT_EQ(Text(Signature[0].Loc), "std::shared_ptr<shop::MetricsService>");
  // What it is made from: the lambda (once, though two instantiations
  // build it) and a function; not nullptr, a copy, or a Filter.
  ASSERT_EQ(F.Scan.FunctionValues.size(), 2u);
  const FunctionValue &FromLambda = F.Scan.FunctionValues[0];
  EXPECT_EQ(FromLambda.Type, Type);
  EXPECT_EQ(FromLambda.Lambda, "lambda at input.cc:" +
                                   std::to_string(lineOf(Code, "    add([](int fd")) + ":9");
  EXPECT_EQ(Text(FromLambda.Loc).rfind("[](int fd", 0), 0u);
  const FunctionValue &FromFunction = F.Scan.FunctionValues[1];
  EXPECT_EQ(Text(FromFunction.Loc), "&build");
  EXPECT_EQ(FromFunction.Lambda, "");
  // The lambda's parameter, owned by the lambda.
  ASSERT_EQ(Lambda.size(), 1u);
  EXPECT_EQ(Lambda[0].Kind, InjectionKind::FunctionParam);
  EXPECT_EQ(Lambda[0].Owner, FromLambda.Lambda);
  EXPECT_EQ(Lambda[0].Name, "m");
  EXPECT_EQ(Lambda[0].Index, 1u);
  // The lambda's argument goes to each class it is instantiated for; the
  // call through the map's function has the type as its callee.
  std::vector<std::string> Sites;
  for (const ArgumentSite &A : F.Scan.ArgumentSites)
    Sites.push_back(A.Callee + " " + std::to_string(A.Index) + " " + A.ArgText + " " +
                    Text(A.Removal) + " in " + A.EnclosingFunction);
  EXPECT_THAT(Sites, ::testing::UnorderedElementsAre(
                         "app::Reader 1 std::move(m) , std::move(m) in app::Tail::Tail",
                         "app::Reader 1 std::move(m) , std::move(m) in "
                         "app::Registration::Registration<T>",
                         "app::Tail 1 std::move(m) , std::move(m) in "
                         "app::Registration::Registration<T>",
                         Type + " 1 std::move(m) , std::move(m) in app::make"));
}

TEST(FunctionTypes, NoServiceInTheSignatureRecordsNothing) {
  TUFacts F = factsFor(R"cpp(
#include <functional>
#include <memory>
namespace shop { class MetricsService; }
namespace app {
using Filter = std::function<bool(int, const char *)>;
Filter accept = [](int, const char *) { return true; };
bool run(Filter &f) { return f(1, "x"); }
}  // namespace app
)cpp");
  EXPECT_THAT(F.Partial.InjectionPoints, IsEmpty());
  EXPECT_THAT(F.Scan.FunctionValues, IsEmpty());
  EXPECT_THAT(F.Scan.ArgumentSites, IsEmpty());
}

} // namespace
} // namespace mm::test
