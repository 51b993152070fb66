//===--- InjectionUseRecorderTest.cpp - Argument sites, inits, guards -----===//
//
// The injection recorder on in-memory snippets: each construction form and
// the exact text its Removal covers, member initializers, null guards, the
// project's UPPER_SNAKE_CASE names, and the cases where nothing is recorded.
//
//===----------------------------------------------------------------------===//

#include "tests/unit/Snippet.h"

#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace mm::test {
namespace {

using ::testing::Contains;
using ::testing::ElementsAre;
using ::testing::IsEmpty;
using ::testing::Not;

std::string withService(const std::string &Uses) {
  return std::string(PrometheusIncludes) + BasicService + "namespace shop {\n" + Uses +
         "\n}  // namespace shop\n";
}

/// Classes taking the service in each position, to construct in the tests.
const char *const Services = R"cpp(
class InventoryService {
 public:
  InventoryService(int db, MetricsServiceProtocol& metrics) : db_(db), metrics_(metrics) {}
  void Touch() {}
 private:
  int db_;
  MetricsServiceProtocol& metrics_;
};
class Reporter {
 public:
  Reporter(MetricsServiceProtocol* metrics, int every) : metrics_(metrics), every_(every) {}
 private:
  MetricsServiceProtocol* metrics_;
  int every_;
};
class Tracker {
 public:
  explicit Tracker(std::shared_ptr<MetricsServiceProtocol> metrics) : metrics_(metrics) {}
 private:
  std::shared_ptr<MetricsServiceProtocol> metrics_;
};
int HandleGetPart(int part, MetricsServiceProtocol& metrics, const char* id) { return part; }
)cpp";

std::string withServices(const std::string &Uses) {
  return withService(std::string(Services) + Uses);
}

/// The text \p S covers in \p Code (the snippet is the file).
std::string textOf(const std::string &Code, const SourceSpan &S) {
  EXPECT_TRUE(S.valid());
  EXPECT_EQ(S.File, "input.cc");
  if (S.Offset + S.Length > Code.size())
    return "<out of range>";
  return Code.substr(S.Offset, S.Length);
}

/// \p Code with the text \p S covers deleted.
std::string without(std::string Code, const SourceSpan &S) {
  EXPECT_TRUE(S.valid());
  if (S.Offset + S.Length > Code.size())
    return "<out of range>";
  return Code.erase(S.Offset, S.Length);
}

/// The whole line of \p Code that holds \p Needle.
std::string lineWith(const std::string &Code, const std::string &Needle) {
  size_t Pos = Code.find(Needle);
  if (Pos == std::string::npos)
    return "<" + Needle + " not found>";
  size_t Begin = Code.rfind('\n', Pos);
  size_t End = Code.find('\n', Pos);
  Begin = Begin == std::string::npos ? 0 : Begin + 1;
  return Code.substr(Begin, End == std::string::npos ? std::string::npos : End - Begin);
}

/// The sites whose Callee is \p Callee, in file order.
std::vector<ArgumentSite> sitesOf(const Facts &F, const std::string &Callee) {
  std::vector<ArgumentSite> Result;
  for (const ArgumentSite &A : F.ArgumentSites)
    if (A.Callee == Callee)
      Result.push_back(A);
  return Result;
}

TEST(ArgumentSites, ServicesAloneHaveNone) {
  TUFacts F = factsFor(withServices(""));
  EXPECT_THAT(F.Scan.ArgumentSites, IsEmpty());
}

TEST(ArgumentSites, ParenVariable) {
  std::string Code = withServices(R"cpp(
void Wire(MetricsServiceProtocol& metrics) {
  InventoryService inventory(1, metrics);
  inventory.Touch();
})cpp");
  TUFacts F = factsFor(Code);
  ASSERT_EQ(F.Scan.ArgumentSites.size(), 1u);
  const ArgumentSite &A = F.Scan.ArgumentSites[0];
  EXPECT_EQ(A.Form, "paren");
  EXPECT_EQ(A.Callee, "shop::InventoryService");
  EXPECT_EQ(A.Index, 1u);
  EXPECT_EQ(A.ArgText, "metrics");
  EXPECT_EQ(textOf(Code, A.Arg), "metrics");
  EXPECT_EQ(textOf(Code, A.Removal), ", metrics");
  EXPECT_EQ(textOf(Code, A.Call), "inventory(1, metrics)");
  EXPECT_EQ(A.Call.Line, lineOf(Code, "InventoryService inventory(1, metrics)"));
  EXPECT_EQ(A.EnclosingFunction, "shop::Wire");
}

TEST(ArgumentSites, ParenTemporary) {
  std::string Code = withServices(R"cpp(
InventoryService Make(MetricsServiceProtocol& metrics) {
  return InventoryService(2, metrics);
}
void Once(MetricsServiceProtocol* metrics) { (void)Reporter(metrics, 5); })cpp");
  TUFacts F = factsFor(Code);
  ASSERT_EQ(F.Scan.ArgumentSites.size(), 2u);
  const ArgumentSite &Returned = F.Scan.ArgumentSites[0];
  EXPECT_EQ(Returned.Form, "paren");
  EXPECT_EQ(Returned.Callee, "shop::InventoryService");
  EXPECT_EQ(Returned.Index, 1u);
  EXPECT_EQ(Returned.ArgText, "metrics");
  EXPECT_EQ(textOf(Code, Returned.Call), "InventoryService(2, metrics)");
  EXPECT_EQ(textOf(Code, Returned.Removal), ", metrics");
  EXPECT_EQ(Returned.EnclosingFunction, "shop::Make");
  const ArgumentSite &Discarded = F.Scan.ArgumentSites[1];
  EXPECT_EQ(Discarded.Form, "paren");
  EXPECT_EQ(Discarded.Callee, "shop::Reporter");
  EXPECT_EQ(Discarded.Index, 0u);
  EXPECT_EQ(textOf(Code, Discarded.Call), "Reporter(metrics, 5)");
  EXPECT_EQ(textOf(Code, Discarded.Removal), "metrics, ");
}

TEST(ArgumentSites, SingleArgumentFunctionalCast) {
  std::string Code = withServices(R"cpp(
Tracker Track(std::shared_ptr<MetricsServiceProtocol> metrics) { return Tracker(metrics); })cpp");
  TUFacts F = factsFor(Code);
  ASSERT_EQ(F.Scan.ArgumentSites.size(), 1u);
  const ArgumentSite &A = F.Scan.ArgumentSites[0];
  EXPECT_EQ(A.Form, "paren");
  EXPECT_EQ(A.Callee, "shop::Tracker");
  EXPECT_EQ(A.Index, 0u);
  EXPECT_EQ(textOf(Code, A.Call), "Tracker(metrics)");
  EXPECT_EQ(textOf(Code, A.Removal), "metrics");
}

TEST(ArgumentSites, BraceVariableAndTemporary) {
  std::string Code = withServices(R"cpp(
void Wire(MetricsServiceProtocol& metrics) {
  InventoryService inventory{3, metrics};
  InventoryService{4, metrics}.Touch();
})cpp");
  TUFacts F = factsFor(Code);
  ASSERT_EQ(F.Scan.ArgumentSites.size(), 2u);
  const ArgumentSite &Variable = F.Scan.ArgumentSites[0];
  EXPECT_EQ(Variable.Form, "brace");
  EXPECT_EQ(Variable.Callee, "shop::InventoryService");
  EXPECT_EQ(Variable.Index, 1u);
  EXPECT_EQ(Variable.ArgText, "metrics");
  EXPECT_EQ(textOf(Code, Variable.Call), "inventory{3, metrics}");
  EXPECT_EQ(textOf(Code, Variable.Removal), ", metrics");
  const ArgumentSite &Temporary = F.Scan.ArgumentSites[1];
  EXPECT_EQ(Temporary.Form, "brace");
  EXPECT_EQ(textOf(Code, Temporary.Call), "InventoryService{4, metrics}");
  EXPECT_EQ(textOf(Code, Temporary.Removal), ", metrics");
}

TEST(ArgumentSites, New) {
  std::string Code = withServices(R"cpp(
void Wire(MetricsServiceProtocol& metrics, std::shared_ptr<MetricsServiceProtocol> shared) {
  std::unique_ptr<InventoryService> a(new InventoryService(5, metrics));
  std::unique_ptr<Tracker> b(new Tracker{shared});
})cpp");
  TUFacts F = factsFor(Code);
  ASSERT_EQ(F.Scan.ArgumentSites.size(), 2u);
  const ArgumentSite &Paren = F.Scan.ArgumentSites[0];
  EXPECT_EQ(Paren.Form, "new");
  EXPECT_EQ(Paren.Callee, "shop::InventoryService");
  EXPECT_EQ(Paren.Index, 1u);
  EXPECT_EQ(Paren.ArgText, "metrics");
  EXPECT_EQ(textOf(Code, Paren.Call), "new InventoryService(5, metrics)");
  EXPECT_EQ(textOf(Code, Paren.Removal), ", metrics");
  const ArgumentSite &Brace = F.Scan.ArgumentSites[1];
  EXPECT_EQ(Brace.Form, "new");
  EXPECT_EQ(Brace.Callee, "shop::Tracker");
  EXPECT_EQ(Brace.Index, 0u);
  EXPECT_EQ(Brace.ArgText, "shared");
  EXPECT_EQ(textOf(Code, Brace.Call), "new Tracker{shared}");
  EXPECT_EQ(textOf(Code, Brace.Removal), "shared");
}

TEST(ArgumentSites, MakeUnique) {
  std::string Code = withServices(R"cpp(
std::unique_ptr<InventoryService> Wire(MetricsService* metrics) {
  return std::make_unique<InventoryService>(6, *metrics);
})cpp");
  TUFacts F = factsFor(Code);
  ASSERT_EQ(F.Scan.ArgumentSites.size(), 1u);
  const ArgumentSite &A = F.Scan.ArgumentSites[0];
  EXPECT_EQ(A.Form, "make_unique");
  EXPECT_EQ(A.Callee, "shop::InventoryService");
  EXPECT_EQ(A.Index, 1u);
  EXPECT_EQ(A.ArgText, "*metrics");
  EXPECT_EQ(textOf(Code, A.Call), "std::make_unique<InventoryService>(6, *metrics)");
  EXPECT_EQ(textOf(Code, A.Removal), ", *metrics");
  EXPECT_EQ(A.EnclosingFunction, "shop::Wire");
}

TEST(ArgumentSites, EmplaceIntoAContainer) {
  std::string Code = withServices(R"cpp(
void Wire(std::vector<InventoryService>& all, std::vector<int>& ids, MetricsService& metrics) {
  all.emplace_back(7, metrics);
  ids.emplace_back(7);
})cpp");
  TUFacts F = factsFor(Code);
  ASSERT_EQ(F.Scan.ArgumentSites.size(), 1u);
  const ArgumentSite &A = F.Scan.ArgumentSites[0];
  EXPECT_EQ(A.Form, "emplace_back");
  EXPECT_EQ(A.Callee, "shop::InventoryService");
  EXPECT_EQ(A.Index, 1u);
  EXPECT_EQ(textOf(Code, A.Call), "all.emplace_back(7, metrics)");
  EXPECT_EQ(textOf(Code, A.Removal), ", metrics");
  EXPECT_EQ(A.EnclosingFunction, "shop::Wire");
}

TEST(ArgumentSites, MakeShared) {
  std::string Code = withServices(R"cpp(
void Wire(MetricsServiceProtocol& metrics, std::shared_ptr<MetricsService> shared) {
  auto reporter = std::make_shared<Reporter>(&metrics, 10);
  auto tracker = std::make_shared<Tracker>(shared);
})cpp");
  TUFacts F = factsFor(Code);
  ASSERT_EQ(F.Scan.ArgumentSites.size(), 2u);
  const ArgumentSite &First = F.Scan.ArgumentSites[0];
  EXPECT_EQ(First.Form, "make_shared");
  EXPECT_EQ(First.Callee, "shop::Reporter");
  EXPECT_EQ(First.Index, 0u);
  EXPECT_EQ(First.ArgText, "&metrics");
  EXPECT_EQ(textOf(Code, First.Removal), "&metrics, ");
  const ArgumentSite &Only = F.Scan.ArgumentSites[1];
  EXPECT_EQ(Only.Form, "make_shared");
  EXPECT_EQ(Only.Callee, "shop::Tracker");
  EXPECT_EQ(Only.Index, 0u);
  EXPECT_EQ(Only.ArgText, "shared");
  EXPECT_EQ(textOf(Code, Only.Removal), "shared");
}

TEST(ArgumentSites, MakeUniqueOfAnOverloadedConstructor) {
  std::string Code = withService(R"cpp(
class Cache {
 public:
  explicit Cache(int size) : size_(size) {}
  Cache(int size, MetricsServiceProtocol& metrics) : size_(size), metrics_(&metrics) {}
 private:
  int size_;
  MetricsServiceProtocol* metrics_ = nullptr;
};
void Wire(MetricsServiceProtocol& metrics) {
  auto plain = std::make_unique<Cache>(1);
  auto counted = std::make_unique<Cache>(2, metrics);
})cpp");
  TUFacts F = factsFor(Code);
  ASSERT_EQ(F.Scan.ArgumentSites.size(), 1u);
  EXPECT_EQ(F.Scan.ArgumentSites[0].Form, "make_unique");
  EXPECT_EQ(F.Scan.ArgumentSites[0].Callee, "shop::Cache");
  EXPECT_EQ(F.Scan.ArgumentSites[0].Index, 1u);
  EXPECT_EQ(F.Scan.ArgumentSites[0].Call.Line, lineOf(Code, "make_unique<Cache>(2"));
}

TEST(ArgumentSites, MemberInitializerOfAClassTypeMember) {
  std::string Code = withServices(R"cpp(
class Handler {
 public:
  explicit Handler(std::shared_ptr<MetricsService> metrics)
      : metrics_(metrics), inventory_(7, *metrics_) {}
 private:
  std::shared_ptr<MetricsService> metrics_;
  InventoryService inventory_;
};)cpp");
  TUFacts F = factsFor(Code);
  std::vector<ArgumentSite> Sites = sitesOf(F.Scan, "shop::InventoryService");
  ASSERT_EQ(Sites.size(), 1u);
  const ArgumentSite &A = Sites[0];
  EXPECT_EQ(A.Form, "paren");
  EXPECT_EQ(A.Index, 1u);
  EXPECT_EQ(A.ArgText, "*metrics_");
  EXPECT_EQ(textOf(Code, A.Call), "inventory_(7, *metrics_)");
  EXPECT_EQ(textOf(Code, A.Removal), ", *metrics_");
  EXPECT_EQ(A.EnclosingFunction, "shop::Handler::Handler");
}

TEST(ArgumentSites, DefaultMemberInitializerWithBraces) {
  std::string Code = withServices(R"cpp(
class Handler {
 public:
  explicit Handler(MetricsServiceProtocol& metrics) : metrics_(metrics) {}
 private:
  MetricsServiceProtocol& metrics_;
  InventoryService inventory_{8, metrics_};
};)cpp");
  TUFacts F = factsFor(Code);
  ASSERT_EQ(F.Scan.ArgumentSites.size(), 1u);
  const ArgumentSite &A = F.Scan.ArgumentSites[0];
  EXPECT_EQ(A.Form, "brace");
  EXPECT_EQ(A.Callee, "shop::InventoryService");
  EXPECT_EQ(A.Index, 1u);
  EXPECT_EQ(A.ArgText, "metrics_");
  EXPECT_EQ(textOf(Code, A.Call), "{8, metrics_}");
  EXPECT_EQ(textOf(Code, A.Removal), ", metrics_");
  EXPECT_EQ(A.EnclosingFunction, "");
}

TEST(ArgumentSites, FreeFunctionCall) {
  std::string Code = withServices(R"cpp(
int Serve(MetricsServiceProtocol& metrics) {
  auto later = [&] { return HandleGetPart(9, metrics, "R1"); };
  return later();
})cpp");
  TUFacts F = factsFor(Code);
  ASSERT_EQ(F.Scan.ArgumentSites.size(), 1u);
  const ArgumentSite &A = F.Scan.ArgumentSites[0];
  EXPECT_EQ(A.Form, "call");
  EXPECT_EQ(A.Callee, "shop::HandleGetPart");
  EXPECT_EQ(A.Index, 1u);
  EXPECT_EQ(A.ArgText, "metrics");
  EXPECT_EQ(textOf(Code, A.Call), "HandleGetPart(9, metrics, \"R1\")");
  EXPECT_EQ(textOf(Code, A.Removal), ", metrics");
  EXPECT_EQ(A.EnclosingFunction, "shop::Serve"); // through the lambda
}

TEST(ArgumentSites, MethodOfAnOrdinaryClass) {
  std::string Code = withService(R"cpp(
class Registry {
 public:
  void Attach(MetricsServiceProtocol* metrics) { metrics_ = metrics; }
 private:
  MetricsServiceProtocol* metrics_ = nullptr;
};
inline void Wire(Registry& r, MetricsService& metrics) { r.Attach(&metrics); })cpp");
  TUFacts F = factsFor(Code);
  ASSERT_EQ(F.Scan.ArgumentSites.size(), 1u);
  EXPECT_EQ(F.Scan.ArgumentSites[0].Form, "call");
  EXPECT_EQ(F.Scan.ArgumentSites[0].Callee, "shop::Registry::Attach");
  EXPECT_EQ(textOf(Code, F.Scan.ArgumentSites[0].Removal), "&metrics");
}

TEST(ArgumentSites, RemovalOfFirstMiddleLastAndOnlyArgument) {
  std::string Code = withServices(R"cpp(
void Wire(MetricsServiceProtocol& metrics, std::shared_ptr<MetricsServiceProtocol> shared) {
  Reporter first(&metrics, 1);
  int middle = HandleGetPart(2, metrics, "R2");
  InventoryService last(3, metrics);
  Tracker only(shared);
  (void)middle;
})cpp");
  TUFacts F = factsFor(Code);
  ASSERT_EQ(F.Scan.ArgumentSites.size(), 4u);
  const Facts &S = F.Scan;
  EXPECT_EQ(textOf(Code, S.ArgumentSites[0].Removal), "&metrics, ");
  EXPECT_EQ(lineWith(without(Code, S.ArgumentSites[0].Removal), "Reporter first"),
            "  Reporter first(1);");
  EXPECT_EQ(textOf(Code, S.ArgumentSites[1].Removal), ", metrics");
  EXPECT_EQ(lineWith(without(Code, S.ArgumentSites[1].Removal), "int middle"),
            "  int middle = HandleGetPart(2, \"R2\");");
  EXPECT_EQ(textOf(Code, S.ArgumentSites[2].Removal), ", metrics");
  EXPECT_EQ(lineWith(without(Code, S.ArgumentSites[2].Removal), "InventoryService last"),
            "  InventoryService last(3);");
  // Dropping the only argument of a variable leaves `T x()`; turning that
  // into `T x` is the rewriter's job, the removal is the argument alone.
  EXPECT_EQ(textOf(Code, S.ArgumentSites[3].Removal), "shared");
  EXPECT_EQ(lineWith(without(Code, S.ArgumentSites[3].Removal), "Tracker only"),
            "  Tracker only();");
}

TEST(ArgumentSites, ArgumentsOverSeveralLines) {
  std::string Code = withServices(R"cpp(
void Wire(MetricsServiceProtocol& metrics) {
  InventoryService inventory(
      10,
      metrics);
  Reporter reporter(
      &metrics,
      20);
})cpp");
  TUFacts F = factsFor(Code);
  ASSERT_EQ(F.Scan.ArgumentSites.size(), 2u);
  EXPECT_EQ(textOf(Code, F.Scan.ArgumentSites[0].Removal), ",\n      metrics");
  EXPECT_EQ(textOf(Code, F.Scan.ArgumentSites[1].Removal), "&metrics,\n      ");
}

TEST(ArgumentSites, ParenthesizedArgumentKeepsItsParentheses) {
  std::string Code = withServices(R"cpp(
int Serve(MetricsServiceProtocol& metrics) { return HandleGetPart(12, (metrics), "R3"); })cpp");
  TUFacts F = factsFor(Code);
  ASSERT_EQ(F.Scan.ArgumentSites.size(), 1u);
  EXPECT_EQ(F.Scan.ArgumentSites[0].ArgText, "(metrics)");
  EXPECT_EQ(textOf(Code, F.Scan.ArgumentSites[0].Removal), ", (metrics)");
}

TEST(ArgumentSites, TemplateInstantiationsRecordOnce) {
  std::string Code = withService(R"cpp(
template <typename Key>
class TimedCache {
 public:
  TimedCache(int ttl, MetricsServiceProtocol& metrics) : ttl_(ttl), metrics_(metrics) {}
 private:
  int ttl_;
  MetricsServiceProtocol& metrics_;
};
template <typename T>
void Build(MetricsServiceProtocol& metrics) {
  TimedCache<T> cache(1, metrics);
}
inline void Use(MetricsServiceProtocol& metrics) {
  TimedCache<int> a(2, metrics);
  TimedCache<long> b(3, metrics);
  Build<int>(metrics);
  Build<long>(metrics);
})cpp");
  TUFacts F = factsFor(Code);
  std::vector<ArgumentSite> Caches = sitesOf(F.Scan, "shop::TimedCache");
  ASSERT_EQ(Caches.size(), 3u);
  EXPECT_EQ(Caches[0].Call.Line, lineOf(Code, "TimedCache<T> cache(1, metrics)"));
  EXPECT_EQ(Caches[0].EnclosingFunction, "shop::Build");
  EXPECT_EQ(textOf(Code, Caches[0].Removal), ", metrics");
  std::vector<ArgumentSite> Builds = sitesOf(F.Scan, "shop::Build");
  ASSERT_EQ(Builds.size(), 2u);
  EXPECT_EQ(Builds[0].Form, "call");
  EXPECT_EQ(textOf(Code, Builds[0].Removal), "metrics");
  ASSERT_EQ(F.Scan.MemberInits.size(), 1u);
  EXPECT_EQ(F.Scan.MemberInits[0].Owner, "shop::TimedCache");
  EXPECT_EQ(textOf(Code, F.Scan.MemberInits[0].Removal), ", metrics_(metrics)");
}

TEST(ArgumentSites, InAMacroBodyWithoutARemoval) {
  std::string Code = withServices(R"cpp(
#define WIRE_INVENTORY(m) InventoryService wired(11, m)
void Wire(MetricsServiceProtocol& metrics) {
  WIRE_INVENTORY(metrics);
})cpp");
  TUFacts F = factsFor(Code);
  ASSERT_EQ(F.Scan.ArgumentSites.size(), 1u);
  const ArgumentSite &A = F.Scan.ArgumentSites[0];
  EXPECT_EQ(A.Form, "paren");
  EXPECT_EQ(A.ArgText, "metrics");
  EXPECT_EQ(A.Arg.Line, lineOf(Code, "WIRE_INVENTORY(metrics)"));
  // Its comma is in the macro: dropping `metrics` alone would break the call.
  EXPECT_FALSE(A.Removal.valid());
}

TEST(ArgumentSites, InAMacroArgument) {
  std::string Code = withServices(R"cpp(
#define CHECK_PART(x) (void)(x)
void Wire(MetricsServiceProtocol& metrics) {
  CHECK_PART(HandleGetPart(13, metrics, "R4"));
})cpp");
  TUFacts F = factsFor(Code);
  ASSERT_EQ(F.Scan.ArgumentSites.size(), 1u);
  EXPECT_EQ(textOf(Code, F.Scan.ArgumentSites[0].Call), "HandleGetPart(13, metrics, \"R4\")");
  EXPECT_EQ(textOf(Code, F.Scan.ArgumentSites[0].Removal), ", metrics");
}

TEST(ArgumentSites, ImplicitConversionIsNotAConstruction) {
  TUFacts F = factsFor(withService(R"cpp(
class Handle {
 public:
  Handle(MetricsServiceProtocol& metrics) : metrics_(&metrics) {}
 private:
  MetricsServiceProtocol* metrics_;
};
inline void Take(Handle) {}
inline void Wire(MetricsServiceProtocol& metrics) { Take(metrics); })cpp"));
  EXPECT_THAT(F.Scan.ArgumentSites, IsEmpty());
}

TEST(ArgumentSites, DefaultArgumentsAreNotSites) {
  TUFacts F = factsFor(withService(R"cpp(
class LineService {
 public:
  explicit LineService(int n, MetricsServiceProtocol* metrics = nullptr) : n_(n), metrics_(metrics) {}
 private:
  int n_;
  MetricsServiceProtocol* metrics_;
};
inline void Wire() { LineService s(3); auto p = std::make_unique<LineService>(4); })cpp"));
  EXPECT_THAT(F.Scan.ArgumentSites, IsEmpty());
}

TEST(ArgumentSites, NothingForUnrelatedTypesDoublesAndLambdas) {
  TUFacts F = factsFor(withService(R"cpp(
struct Settings { int interval = 1; };
class Poller {
 public:
  explicit Poller(const Settings& s) : s_(s) {}
 private:
  const Settings& s_;
};
class StubMetricsService : public MetricsServiceProtocol {
 public:
  StubMetricsService() = default;
  explicit StubMetricsService(MetricsServiceProtocol* inner) : inner_(inner) {}
  void Forward(MetricsServiceProtocol& other) { other.RecordKitCreated(1); }
  void RecordQuantityChange(const std::string&, int) override {}
  void RecordKitCreated(int) override {}
 private:
  MetricsServiceProtocol* inner_ = nullptr;
};
inline void Wire(MetricsServiceProtocol& metrics) {
  Settings settings;
  Poller poller(settings);
  StubMetricsService stub(&metrics);
  stub.Forward(metrics);
  auto record = [](MetricsServiceProtocol& m) { m.RecordKitCreated(2); };
  record(metrics);
  auto owned = std::make_unique<StubMetricsService>(&metrics);
})cpp"));
  EXPECT_THAT(F.Scan.ArgumentSites, IsEmpty());
  EXPECT_THAT(F.Scan.MemberInits, IsEmpty());
}

TEST(MemberInits, LastOfSeveral) {
  std::string Code = withService(R"cpp(
class Foo {
 public:
  Foo(int a, MetricsServiceProtocol& m);
 private:
  int a_;
  MetricsServiceProtocol& m_;
};
Foo::Foo(int a, MetricsServiceProtocol& m) : a_(a), m_(m) {})cpp");
  TUFacts F = factsFor(Code);
  ASSERT_EQ(F.Scan.MemberInits.size(), 1u);
  const MemberInit &I = F.Scan.MemberInits[0];
  EXPECT_EQ(I.Owner, "shop::Foo");
  EXPECT_EQ(I.Field, "m_");
  EXPECT_EQ(textOf(Code, I.Init), "m_(m)");
  EXPECT_EQ(textOf(Code, I.Removal), ", m_(m)");
  EXPECT_EQ(lineWith(without(Code, I.Removal), "Foo::Foo("),
            "Foo::Foo(int a, MetricsServiceProtocol& m) : a_(a) {}");
}

TEST(MemberInits, FirstAndMiddle) {
  std::string Code = withService(R"cpp(
class First {
 public:
  First(std::shared_ptr<MetricsServiceProtocol> metrics, int a)
      : metrics_(std::move(metrics)), a_(a) {}
 private:
  std::shared_ptr<MetricsServiceProtocol> metrics_;
  int a_;
};
class Middle {
 public:
  Middle(int a, MetricsServiceProtocol* m, int b) : a_(a), m_(m), b_(b) {}
 private:
  int a_;
  MetricsServiceProtocol* m_;
  int b_;
};)cpp");
  TUFacts F = factsFor(Code);
  ASSERT_EQ(F.Scan.MemberInits.size(), 2u);
  const MemberInit &First = F.Scan.MemberInits[0];
  EXPECT_EQ(First.Owner, "shop::First");
  EXPECT_EQ(First.Field, "metrics_");
  EXPECT_EQ(textOf(Code, First.Init), "metrics_(std::move(metrics))");
  EXPECT_EQ(textOf(Code, First.Removal), "metrics_(std::move(metrics)), ");
  EXPECT_EQ(lineWith(without(Code, First.Removal), ": a_(a) {}"), "      : a_(a) {}");
  const MemberInit &Middle = F.Scan.MemberInits[1];
  EXPECT_EQ(Middle.Owner, "shop::Middle");
  EXPECT_EQ(textOf(Code, Middle.Removal), ", m_(m)");
  EXPECT_EQ(lineWith(without(Code, Middle.Removal), "Middle(int a"),
            "  Middle(int a, MetricsServiceProtocol* m, int b) : a_(a), b_(b) {}");
}

TEST(MemberInits, OnlyInitializerGoesWithItsColon) {
  std::string Code = withService(R"cpp(
class Solo {
 public:
  explicit Solo(MetricsServiceProtocol& m);
 private:
  MetricsServiceProtocol& m_;
};
Solo::Solo(MetricsServiceProtocol& m) : m_(m) {}
class Wrapped {
 public:
  explicit Wrapped(MetricsServiceProtocol* metrics)
      : metrics_(metrics) {}
 private:
  MetricsServiceProtocol* metrics_;
};)cpp");
  TUFacts F = factsFor(Code);
  ASSERT_EQ(F.Scan.MemberInits.size(), 2u);
  const MemberInit &Solo = F.Scan.MemberInits[0];
  EXPECT_EQ(textOf(Code, Solo.Removal), " : m_(m)");
  EXPECT_EQ(lineWith(without(Code, Solo.Removal), "Solo::Solo("),
            "Solo::Solo(MetricsServiceProtocol& m) {}");
  const MemberInit &Wrapped = F.Scan.MemberInits[1];
  EXPECT_EQ(textOf(Code, Wrapped.Removal), "\n      : metrics_(metrics)");
  EXPECT_EQ(lineWith(without(Code, Wrapped.Removal), "explicit Wrapped("),
            "  explicit Wrapped(MetricsServiceProtocol* metrics) {}");
}

TEST(MemberInits, NotForOtherMembersOrTheServiceItself) {
  TUFacts F = factsFor(withService(R"cpp(
struct Settings { int interval = 1; };
class Poller {
 public:
  explicit Poller(const Settings& s) : s_(s) {}
 private:
  const Settings& s_;
};)cpp"));
  EXPECT_THAT(F.Scan.MemberInits, IsEmpty());
}

TEST(NullGuards, BareTestOfAPointerField) {
  std::string Code = withService(R"cpp(
class LineService {
 public:
  explicit LineService(MetricsServiceProtocol* metrics) : metrics_(metrics) {}
  void Add() {
    ++lines_;
    if (metrics_) metrics_->RecordKitCreated();
  }
 private:
  MetricsServiceProtocol* metrics_;
  int lines_ = 0;
};)cpp");
  TUFacts F = factsFor(Code);
  ASSERT_EQ(F.Scan.NullGuards.size(), 1u);
  const NullGuard &G = F.Scan.NullGuards[0];
  EXPECT_EQ(G.Field, "metrics_");
  EXPECT_EQ(G.Owner, "shop::LineService");
  EXPECT_FALSE(G.EarlyReturn);
  EXPECT_EQ(textOf(Code, G.If), "if (metrics_) metrics_->RecordKitCreated();");
  EXPECT_EQ(textOf(Code, G.Body), "metrics_->RecordKitCreated();");
  EXPECT_TRUE(G.OnlyRecords);
}

TEST(NullGuards, ComparedWithNullptrInABlock) {
  std::string Code = withService(R"cpp(
class OidcClient {
 public:
  explicit OidcClient(std::shared_ptr<MetricsServiceProtocol> metrics) : metrics_(metrics) {}
  void Discover() {
    if (metrics_ != nullptr) {
      metrics_->RecordQuantityChange("discover", 1);
      metrics_->RecordKitCreated(2);
    }
  }
 private:
  std::shared_ptr<MetricsServiceProtocol> metrics_;
};
inline void Report(MetricsServiceProtocol* metrics) {
  if (nullptr != metrics) {
    metrics->RecordKitCreated(3);
  }
})cpp");
  TUFacts F = factsFor(Code);
  ASSERT_EQ(F.Scan.NullGuards.size(), 2u);
  const NullGuard &Field = F.Scan.NullGuards[0];
  EXPECT_EQ(Field.Field, "metrics_");
  EXPECT_EQ(Field.If.Line, lineOf(Code, "if (metrics_ != nullptr)"));
  EXPECT_EQ(textOf(Code, Field.Body), "metrics_->RecordQuantityChange(\"discover\", 1);\n"
                                      "      metrics_->RecordKitCreated(2);");
  EXPECT_TRUE(Field.OnlyRecords);
  const NullGuard &Param = F.Scan.NullGuards[1];
  EXPECT_EQ(Param.Field, "metrics");
  EXPECT_EQ(Param.Owner, "shop::Report");
  EXPECT_EQ(textOf(Code, Param.If),
            "if (nullptr != metrics) {\n    metrics->RecordKitCreated(3);\n  }");
  EXPECT_EQ(textOf(Code, Param.Body), "metrics->RecordKitCreated(3);");
  EXPECT_TRUE(Param.OnlyRecords);
}

TEST(NullGuards, ThePointerTestedFirstInAConjunction) {
  std::string Code = withService(R"cpp(
class Batcher {
 public:
  explicit Batcher(MetricsServiceProtocol* metrics) : metrics_(metrics) {}
  int take() { return size_--; }
  void Flush(bool full) {
    if (metrics_ != nullptr && full && size_ > 2) metrics_->RecordKitCreated();
    if ((metrics_) && size_ > 1) {
      metrics_->RecordKitCreated(size_);
    }
    if (metrics_ && take() > 0) metrics_->RecordKitCreated();
    if (metrics_ && metrics_ != spare_) metrics_->RecordKitCreated();
    if (full && metrics_) metrics_->RecordKitCreated();
  }
 private:
  MetricsServiceProtocol* metrics_;
  MetricsServiceProtocol* spare_ = nullptr;
  int size_ = 0;
};)cpp");
  TUFacts F = factsFor(Code);
  ASSERT_EQ(F.Scan.NullGuards.size(), 4u); // not when the pointer is tested last
  const NullGuard &First = F.Scan.NullGuards[0];
  EXPECT_EQ(textOf(Code, First.Conjunct), "metrics_ != nullptr && ");
  EXPECT_EQ(textOf(Code, First.Body), "metrics_->RecordKitCreated();");
  EXPECT_TRUE(First.OnlyRecords);
  const NullGuard &Parenthesized = F.Scan.NullGuards[1];
  EXPECT_EQ(textOf(Code, Parenthesized.Conjunct), "(metrics_) && ");
  EXPECT_TRUE(Parenthesized.OnlyRecords);
  // A call (which may change something) or a question to the pointer in
  // the rest: it needs it.
  EXPECT_FALSE(F.Scan.NullGuards[2].OnlyRecords);
  EXPECT_FALSE(F.Scan.NullGuards[3].OnlyRecords);
}

TEST(NullGuards, EarlyReturnBeforeRecordingOnly) {
  std::string Code = withService(R"cpp(
class LineService {
 public:
  explicit LineService(MetricsServiceProtocol* metrics) : metrics_(metrics) {}
  void Add() {
    ++lines_;
    if (!metrics_) return;
    metrics_->RecordKitCreated();
    metrics_->RecordQuantityChange("add", lines_);
  }
  void Remove() {
    if (metrics_ == nullptr) {
      return;
    }
    --lines_;
    metrics_->RecordKitCreated();
  }
  int Count() {
    if (!metrics_) return 0;
    metrics_->RecordKitCreated();
    return lines_;
  }
 private:
  MetricsServiceProtocol* metrics_;
  int lines_ = 0;
};)cpp");
  TUFacts F = factsFor(Code);
  ASSERT_EQ(F.Scan.NullGuards.size(), 3u);
  const NullGuard &Add = F.Scan.NullGuards[0];
  EXPECT_EQ(textOf(Code, Add.If), "if (!metrics_) return;");
  EXPECT_EQ(Add.Field, "metrics_");
  EXPECT_EQ(Add.Owner, "shop::LineService");
  EXPECT_TRUE(Add.EarlyReturn);
  EXPECT_FALSE(Add.Body.valid());
  EXPECT_TRUE(Add.OnlyRecords);
  // `--lines_` would no longer be skipped: more than recording.
  const NullGuard &Remove = F.Scan.NullGuards[1];
  EXPECT_EQ(Remove.If.Line, lineOf(Code, "if (metrics_ == nullptr) {"));
  EXPECT_TRUE(Remove.EarlyReturn);
  EXPECT_FALSE(Remove.OnlyRecords);
  // Returning a value: the caller sees the difference, more than recording.
  const NullGuard &Count = F.Scan.NullGuards[2];
  EXPECT_EQ(textOf(Code, Count.If), "if (!metrics_) return 0;");
  EXPECT_TRUE(Count.EarlyReturn);
  EXPECT_FALSE(Count.OnlyRecords);
}

TEST(NullGuards, ConditionsWithoutSideEffectsAroundRecordingOnly) {
  std::string Code = withService(R"cpp(
enum class Module { kBuilder, kParser, kOther };
class Memory {
 public:
  explicit Memory(MetricsServiceProtocol* metrics) : metrics_(metrics) {}
  void Allocated(Module module, int total, int chunk) {
    if (metrics_ != nullptr) {
      if (total > 0)
        metrics_->RecordKitCreated(total);
      switch (module) {
        case Module::kBuilder:
          metrics_->RecordQuantityChange("builder", chunk);
          break;
        case Module::kParser:
          metrics_->RecordQuantityChange("parser", chunk);
          break;
        default:
          break;
      }
    }
  }
  void Freed(int total) {
    if (metrics_ != nullptr) {
      if (Next() > 0)
        metrics_->RecordKitCreated(total);
    }
  }
  void InALoop(int n) {
    for (int i = 0; i < n; ++i)
      if (metrics_) {
        metrics_->RecordKitCreated(i);
        break;
      }
  }
  int Next() { return ++calls_; }
 private:
  MetricsServiceProtocol* metrics_;
  int calls_ = 0;
};)cpp");
  TUFacts F = factsFor(Code);
  ASSERT_EQ(F.Scan.NullGuards.size(), 3u);
  EXPECT_EQ(F.Scan.NullGuards[0].If.Line, lineOf(Code, "if (metrics_ != nullptr) {"));
  EXPECT_TRUE(F.Scan.NullGuards[0].OnlyRecords);
  // A condition calling a function: it would run where it did not.
  EXPECT_FALSE(F.Scan.NullGuards[1].OnlyRecords);
  // `break` outside a switch leaves the loop: more than recording.
  EXPECT_EQ(F.Scan.NullGuards[2].If.Line, lineOf(Code, "if (metrics_) {"));
  EXPECT_FALSE(F.Scan.NullGuards[2].OnlyRecords);
}

TEST(NullGuards, BodyDoingOtherWorkIsNotOnlyRecords) {
  std::string Code = withService(R"cpp(
class Counter {
 public:
  explicit Counter(MetricsServiceProtocol* metrics) : metrics_(metrics) {}
  void Bump() {
    if (metrics_ != NULL) {
      metrics_->RecordKitCreated(1);
      ++count_;
    }
  }
 private:
  MetricsServiceProtocol* metrics_;
  int count_ = 0;
};)cpp");
  TUFacts F = factsFor(Code);
  ASSERT_EQ(F.Scan.NullGuards.size(), 1u);
  EXPECT_EQ(F.Scan.NullGuards[0].Field, "metrics_");
  EXPECT_EQ(textOf(Code, F.Scan.NullGuards[0].Body),
            "metrics_->RecordKitCreated(1);\n      ++count_;");
  EXPECT_FALSE(F.Scan.NullGuards[0].OnlyRecords);
}

TEST(NullGuards, NotForElseBranchesReferencesOrOtherPointers) {
  TUFacts F = factsFor(withService(R"cpp(
class Mixed {
 public:
  Mixed(MetricsServiceProtocol* metrics, MetricsServiceProtocol& ref, int* counter)
      : metrics_(metrics), ref_(ref), counter_(counter) {}
  void Run() {
    if (metrics_) metrics_->RecordKitCreated(1); else ref_.RecordKitCreated(2);
    if (counter_) ++*counter_;
    if (&ref_ != nullptr) ref_.RecordKitCreated(3);
  }
 private:
  MetricsServiceProtocol* metrics_;
  MetricsServiceProtocol& ref_;
  int* counter_;
};)cpp"));
  EXPECT_THAT(F.Scan.NullGuards, IsEmpty());
}

/// Null-guard helpers in the forms projects write them.
const char *const GuardHelpers = R"cpp(
template <class P, class F>
void WithMetrics(const P& p, F&& f) {
  if (p) {
    std::forward<F>(f)(*p);
  }
}
inline void IfSet(MetricsServiceProtocol* m, const std::function<void(MetricsServiceProtocol&)>& f) {
  if (m == nullptr) return;
  f(*m);
}
template <class P, class F>
void Logged(P p, F f) {
  if (p) f(*p);
  ++calls;
}
)cpp";

std::string withGuardHelpers(const std::string &Uses) {
  return "#include <functional>\n#include <utility>\n" +
         withService(std::string("inline int calls = 0;\n") + GuardHelpers + Uses);
}

TEST(NullGuards, HelperCalledWithALambda) {
  std::string Code = withGuardHelpers(R"cpp(
class Reader {
 public:
  explicit Reader(std::shared_ptr<MetricsServiceProtocol> metrics) : metrics_(metrics) {}
  void Read(int n) {
    WithMetrics(metrics_, [&](MetricsServiceProtocol& m) { m.RecordKitCreated(n); });
    WithMetrics(metrics_, [](auto& m) {
      m.RecordKitCreated(1);
    });
  }
 private:
  std::shared_ptr<MetricsServiceProtocol> metrics_;
};
inline void Report(MetricsServiceProtocol* metrics) {
  IfSet(metrics, [](MetricsServiceProtocol& m) { m.RecordKitCreated(2); });
})cpp");
  TUFacts F = factsFor(Code);
  ASSERT_EQ(F.Scan.NullGuards.size(), 3u);
  const NullGuard &Typed = F.Scan.NullGuards[0];
  EXPECT_EQ(Typed.Helper, "shop::WithMetrics");
  EXPECT_EQ(Typed.Field, "metrics_");
  EXPECT_EQ(Typed.Owner, "shop::Reader");
  EXPECT_FALSE(Typed.EarlyReturn);
  EXPECT_EQ(textOf(Code, Typed.If),
            "WithMetrics(metrics_, [&](MetricsServiceProtocol& m) { m.RecordKitCreated(n); });");
  EXPECT_EQ(textOf(Code, Typed.Body), "m.RecordKitCreated(n);");
  EXPECT_TRUE(Typed.OnlyRecords);
  const NullGuard &Generic = F.Scan.NullGuards[1];
  EXPECT_EQ(Generic.Helper, "shop::WithMetrics");
  EXPECT_EQ(textOf(Code, Generic.Body), "m.RecordKitCreated(1);");
  EXPECT_TRUE(Generic.OnlyRecords);
  const NullGuard &Function = F.Scan.NullGuards[2];
  EXPECT_EQ(Function.Helper, "shop::IfSet");
  EXPECT_EQ(Function.Field, "metrics");
  EXPECT_EQ(Function.Owner, "shop::Report");
  EXPECT_EQ(textOf(Code, Function.Body), "m.RecordKitCreated(2);");
  EXPECT_TRUE(Function.OnlyRecords);
  // The helpers' own parameters inject nothing, and their calls hand
  // nothing on.
  EXPECT_THAT(sitesOf(F.Scan, "shop::WithMetrics"), IsEmpty());
  EXPECT_THAT(sitesOf(F.Scan, "shop::IfSet"), IsEmpty());
  for (const InjectionPoint &IP : F.Partial.InjectionPoints)
    EXPECT_NE(IP.Owner, "shop::WithMetrics") << IP.Name;
}

TEST(NullGuards, HelperLambdaDoingOtherWorkIsNotOnlyRecords) {
  std::string Code = withGuardHelpers(R"cpp(
class Trigger {
 public:
  explicit Trigger(MetricsServiceProtocol* metrics) : metrics_(metrics) {}
  void Fire() {
    WithMetrics(metrics_, [this](MetricsServiceProtocol& m) {
      m.RecordKitCreated(1);
      ++fired_;
    });
  }
 private:
  MetricsServiceProtocol* metrics_;
  int fired_ = 0;
};)cpp");
  TUFacts F = factsFor(Code);
  ASSERT_EQ(F.Scan.NullGuards.size(), 1u);
  EXPECT_EQ(F.Scan.NullGuards[0].Helper, "shop::WithMetrics");
  EXPECT_FALSE(F.Scan.NullGuards[0].OnlyRecords);
}

TEST(NullGuards, NotForHelpersDoingMoreOrLambdasOwningACapture) {
  std::string Code = withGuardHelpers(R"cpp(
struct Sink { void operator()(MetricsServiceProtocol& m) const { m.RecordKitCreated(4); } };
class Writer {
 public:
  explicit Writer(MetricsServiceProtocol* metrics) : metrics_(metrics) {}
  void Write(int n) {
    Logged(metrics_, [](MetricsServiceProtocol& m) { m.RecordKitCreated(1); });
    WithMetrics(metrics_, [k = n * 2](MetricsServiceProtocol& m) { m.RecordKitCreated(k); });
    WithMetrics(metrics_, Sink{});
    if (n > 0) WithMetrics(metrics_, [](MetricsServiceProtocol& m) { m.RecordKitCreated(3); });
  }
 private:
  MetricsServiceProtocol* metrics_;
};)cpp");
  TUFacts F = factsFor(Code);
  EXPECT_THAT(F.Scan.NullGuards, IsEmpty());
}

TEST(UpperSnakeNames, StaticConstexprMembersAndNamespaceConstants) {
  TUFacts F = factsFor(withService(R"cpp(
constexpr int MAX_RETRIES = 3;
class TaskService {
 public:
  static constexpr int TASK_QUEUE_DEPTH = 16;
  int lower_case = 0;
};
enum class Mode { FAST_PATH, Slow };
inline int Local() { int LOCAL_ONLY = 1; return LOCAL_ONLY; })cpp"));
  ASSERT_EQ(F.Scan.UpperSnakeNames.count("input.cc"), 1u);
  const std::vector<std::string> &Names = F.Scan.UpperSnakeNames.at("input.cc");
  EXPECT_THAT(Names, Contains("TASK_QUEUE_DEPTH"));
  EXPECT_THAT(Names, Contains("MAX_RETRIES"));
  EXPECT_THAT(Names, Contains("FAST_PATH"));
  EXPECT_THAT(Names, Not(Contains("LOCAL_ONLY")));
  EXPECT_THAT(Names, Not(Contains("Slow")));
  EXPECT_TRUE(std::is_sorted(Names.begin(), Names.end()));
  EXPECT_THAT(F.Scan.Files, ElementsAre("input.cc"));
}


TEST(MemberInits, DesignatedInitializersOfAFieldHoldingTheService) {
  std::string Code = withServices(R"cpp(
struct EngineDeps {
  int session = 0;
  MetricsServiceProtocol* metrics = nullptr;
  int limit = 0;
};
struct Plain {
  int a = 0;
  int b = 0;
};
inline int Run(MetricsServiceProtocol* m) {
  EngineDeps last{
      .session = 1,
      .metrics = m,
  };
  EngineDeps first{.metrics = m, .limit = 2};
  Plain p{.a = 1, .b = 2};
  EngineDeps positional{3, m, 4};
  EngineDeps shorter{5};
  return last.session + first.limit + p.a + positional.limit + shorter.session;
})cpp");
  TUFacts F = factsFor(Code);
  std::vector<MemberInit> Deps;
  for (const MemberInit &I : F.Scan.MemberInits)
    if (I.Owner == "shop::EngineDeps")
      Deps.push_back(I);
  ASSERT_EQ(Deps.size(), 3u); // none of Plain, nor of a list that stops before the field
  for (const MemberInit &I : Deps)
    EXPECT_EQ(I.Field, "metrics");
  EXPECT_EQ(textOf(Code, Deps[0].Init), ".metrics = m");
  EXPECT_EQ(textOf(Code, Deps[0].Removal), ",\n      .metrics = m");
  EXPECT_EQ(textOf(Code, Deps[1].Removal), ".metrics = m, ");
  // By position: the element the field takes.
  EXPECT_EQ(textOf(Code, Deps[2].Init), "m");
  EXPECT_EQ(textOf(Code, Deps[2].Removal), ", m");
}


TEST(NullGuards, AMetricAWrapperHandsBackRecordedThroughIt) {
  std::string Code = std::string(PrometheusIncludes) + R"cpp(
namespace obs {
class Metrics {
 public:
  prometheus::Counter& sessions(const std::string& model);
  prometheus::Histogram& latency();
 private:
  prometheus::Family<prometheus::Counter>* sessions_;
};
}  // namespace obs
class Manager {
 public:
  explicit Manager(obs::Metrics* metrics) : metrics_(metrics) {}
  void Open(const std::string& model, double seconds) {
    if (metrics_ != nullptr) metrics_->sessions(model).Increment();
    if (metrics_) {
      metrics_->latency().Observe(seconds * Scale());
    }
    if (metrics_) metrics_->sessions(model).Increment(++opened_);
  }
 private:
  obs::Metrics* metrics_;
  int opened_ = 0;
  double Scale() const { return 1.0; }
};
)cpp";
  TUFacts F = factsFor(Code, "obs::Metrics");
  ASSERT_EQ(F.Scan.NullGuards.size(), 3u);
  EXPECT_TRUE(F.Scan.NullGuards[0].OnlyRecords);
  EXPECT_TRUE(F.Scan.NullGuards[1].OnlyRecords);
  // An amount with a side effect would happen without the check.
  EXPECT_FALSE(F.Scan.NullGuards[2].OnlyRecords);
}


TEST(MemberInits, StatementsThatOnlySetAFieldHoldingTheService) {
  std::string Code = withServices(R"cpp(
struct Deps {
  MetricsServiceProtocol* metrics = nullptr;
  int n = 0;
};
class Holder {
 public:
  explicit Holder(MetricsServiceProtocol* m) {
    metrics_ = m;
  }
 private:
  MetricsServiceProtocol* metrics_;
};
inline void Fill(Deps& d, MetricsServiceProtocol* m, int& k) {
  d.n = 2;
  d.metrics = m;
  d.metrics = (++k, nullptr);
})cpp");
  TUFacts F = factsFor(Code);
  std::vector<std::string> Seen;
  for (const MemberInit &I : F.Scan.MemberInits)
    if (I.Owner == "shop::Deps" || I.Owner == "shop::Holder")
      Seen.push_back(I.Owner + "::" + I.Field + " [" + textOf(Code, I.Init) + "] [" +
                     textOf(Code, I.Removal) + "]");
  // Not the one whose value changes something else.
  EXPECT_THAT(Seen, ElementsAre("shop::Holder::metrics_ [metrics_ = m;] [    metrics_ = m;\n]",
                                "shop::Deps::metrics [d.metrics = m;] [  d.metrics = m;\n]"));
}

TEST(MemberInits, StatementsThatBuildOrFreeTheServiceInAField) {
  std::string Code = withServices(R"cpp(
class Quiet : public MetricsServiceProtocol {
 public:
  void RecordQuantityChange(const std::string&, int) override {}
  void RecordKitCreated(int) override {}
};
struct Ctx {
  MetricsServiceProtocol* metrics = nullptr;
  std::unique_ptr<MetricsServiceProtocol> owned;
  int* other = nullptr;
  ~Ctx() {
    delete metrics;
    metrics = nullptr;
    delete other;
  }
};
int Next();
MetricsServiceProtocol* Pick(int);
inline std::unique_ptr<MetricsServiceProtocol> Make(int) {
  return std::make_unique<MetricsService>();
}
inline std::unique_ptr<MetricsServiceProtocol> MakeLogged(int port) {
  Next();
  return std::make_unique<MetricsService>();
}
inline void Build(Ctx& c, int port, MetricsService* given) {
  c.metrics = new MetricsService();
  c.owned = std::make_unique<MetricsService>();
  c.owned = std::make_unique<Quiet>();
  c.metrics = new Quiet(*new Quiet());
  c.other = new int(port);
  delete given;
  c.owned.reset(new MetricsService());
  c.owned = std::unique_ptr<MetricsServiceProtocol>(new MetricsService());
  c.owned = Make(port);
  c.owned.reset();
  c.owned.reset(Pick(Next()));
  c.owned = Make(Next());
  c.owned = MakeLogged(port);
})cpp");
  TUFacts F = factsFor(Code);
  std::vector<std::string> Seen;
  for (const MemberInit &I : F.Scan.MemberInits)
    if (I.Owner == "shop::Ctx")
      Seen.push_back(I.Field + (I.Creates ? " creates" : "") + " [" + textOf(Code, I.Removal) +
                     "]");
  // Not a field of another type, a parameter, nor a construction whose
  // arguments do something, nor a factory doing more than building.
  EXPECT_THAT(Seen,
              ElementsAre("metrics [    delete metrics;\n]", "metrics [    metrics = nullptr;\n]",
                          "metrics creates [  c.metrics = new MetricsService();\n]",
                          "owned creates [  c.owned = std::make_unique<MetricsService>();\n]",
                          "owned [  c.owned = std::make_unique<Quiet>();\n]",
                          "owned creates [  c.owned.reset(new MetricsService());\n]",
                          "owned creates [  c.owned = "
                          "std::unique_ptr<MetricsServiceProtocol>(new MetricsService());\n]",
                          "owned creates [  c.owned = Make(port);\n]",
                          "owned [  c.owned.reset();\n]"));
}

TEST(NullGuards, TheParameterThePointerIsReachedThroughAndItsUsesInTheTest) {
  std::string Code = withServices(R"cpp(
struct Env { MetricsServiceProtocol* metrics = nullptr; bool ready = false; };
inline void Plain(Env* env) {
  if (env->metrics) env->metrics->RecordKitCreated(1);
}
inline void Conjunct(Env* env, bool ok) {
  if (env->metrics != nullptr && ok) env->metrics->RecordKitCreated(2);
}
inline void Early(const Env& env) {
  if (!env.metrics) return;
  env.metrics->RecordKitCreated(3);
}
inline void Own(MetricsServiceProtocol* metrics) {
  if (metrics) metrics->RecordKitCreated(4);
})cpp");
  TUFacts F = factsFor(Code);
  std::vector<std::string> Seen;
  for (const NullGuard &G : F.Scan.NullGuards)
    Seen.push_back(G.ReceiverParam.valid() ? textOf(Code, G.ReceiverParam) + " " +
                                                 std::to_string(G.ReceiverParamUses)
                                           : "none");
  // No change for a parameter holding the service: it is the pointer.
  EXPECT_THAT(Seen, ElementsAre("env 1", "env 1", "env 1", "none"));
}

} // namespace
} // namespace mm::test
