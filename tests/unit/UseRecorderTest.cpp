//===--- UseRecorderTest.cpp - Call sites, injection points, doubles ------===//

#include "tests/unit/Snippet.h"

#include "gmock/gmock.h"
#include "gtest/gtest.h"

#include <map>

namespace mm::test {
namespace {

using ::testing::ElementsAre;
using ::testing::IsEmpty;

std::string withService(const std::string &Uses) {
  return std::string(PrometheusIncludes) + BasicService + "namespace shop {\n" + Uses +
         "\n}  // namespace shop\n";
}

TEST(CallSites, ReferenceMemberCall) {
  std::string Code = withService(R"cpp(
class InventoryService {
 public:
  explicit InventoryService(MetricsServiceProtocol& metrics) : metrics_(metrics) {}
  void AddStock(int qty) { metrics_.RecordQuantityChange("add", qty + 1); }
 private:
  MetricsServiceProtocol& metrics_;
};)cpp");
  Catalog C = catalogFor(Code);
  ASSERT_EQ(C.CallSites.size(), 1u);
  const CallSite &CS = C.CallSites[0];
  EXPECT_EQ(CS.Wrapper, "RecordQuantityChange");
  EXPECT_EQ(CS.Receiver, "metrics_");
  EXPECT_FALSE(CS.Arrow);
  EXPECT_THAT(CS.Args, ElementsAre("\"add\"", "qty + 1"));
  EXPECT_EQ(CS.EnclosingFunction, "shop::InventoryService::AddStock");
  EXPECT_EQ(CS.Module, "input");
  EXPECT_EQ(CS.Loc.File, "input.cc");
  EXPECT_EQ(CS.Loc.Line, lineOf(Code, "metrics_.RecordQuantityChange"));
  EXPECT_EQ(CS.Loc.Length,
            std::string("metrics_.RecordQuantityChange(\"add\", qty + 1)").size());
  EXPECT_FALSE(CS.InLambda || CS.InTemplate || CS.InMacro || CS.InTest);
  // `qty + 1` is computed here, not the caller's value as it came.
  EXPECT_THAT(CS.ParamArgs, IsEmpty());
}

TEST(CallSites, TheStatementEachCallIsTheWholeOf) {
  std::string Code = withService(R"cpp(
class InventoryService {
 public:
  explicit InventoryService(MetricsServiceProtocol& metrics) : metrics_(metrics) {}
  void AddStock(int qty, int kind) {
    metrics_.RecordQuantityChange("block", qty);
    if (qty > 1)
      metrics_.RecordQuantityChange("then", qty);
    switch (kind) {
      case 1:
        metrics_.RecordQuantityChange("label", qty);
        break;
    }
    int n = (metrics_.RecordQuantityChange("part", qty), 1);
    (void)n;
  }
 private:
  MetricsServiceProtocol& metrics_;
};)cpp");
  Catalog C = catalogFor(Code);
  ASSERT_EQ(C.CallSites.size(), 4u);
  auto Statement = [&](const CallSite &CS) {
    return Code.substr(CS.Statement.Offset, CS.Statement.Length);
  };
  EXPECT_EQ(Statement(C.CallSites[0]), "metrics_.RecordQuantityChange(\"block\", qty);");
  EXPECT_FALSE(C.CallSites[0].StatementNeedsBraces);
  // An unbraced branch, and a statement under a label: braces around it.
  EXPECT_EQ(Statement(C.CallSites[1]), "metrics_.RecordQuantityChange(\"then\", qty);");
  EXPECT_TRUE(C.CallSites[1].StatementNeedsBraces);
  EXPECT_EQ(Statement(C.CallSites[2]), "metrics_.RecordQuantityChange(\"label\", qty);");
  EXPECT_TRUE(C.CallSites[2].StatementNeedsBraces);
  // Part of an expression: no statement of its own.
  EXPECT_FALSE(C.CallSites[3].Statement.valid());
}

TEST(CallSites, TheLocalsArgumentsNameAndWhereEachIsRead) {
  std::string Code = withService(R"cpp(
int Use(int);
class InventoryService {
 public:
  explicit InventoryService(MetricsServiceProtocol& metrics) : metrics_(metrics) {}
  void AddStock(int qty) {
    const int twice = qty * 2;
    int read = qty;
    int set;
    set = qty;
    ++set;
    metrics_.RecordQuantityChange("twice", twice);
    if (read > 0) metrics_.RecordQuantityChange("read", read);
    metrics_.RecordQuantityChange("set", set);
    Use(read);
    for (int i = 0; i < qty; ++i) metrics_.RecordQuantityChange("i", i);
  }
 private:
  MetricsServiceProtocol& metrics_;
};)cpp");
  Catalog C = catalogFor(Code);
  ASSERT_EQ(C.CallSites.size(), 4u);
  auto Texts = [&](const CallSite::ArgumentLocal &L) {
    std::vector<std::string> Out;
    for (const SourceSpan &S : L.Reads)
      Out.push_back(std::to_string(S.Line) + ":" + Code.substr(S.Offset, S.Length));
    return Out;
  };
  ASSERT_EQ(C.CallSites[0].ArgumentLocals.size(), 1u);
  EXPECT_EQ(C.CallSites[0].ArgumentLocals[0].Decl.Offset, Code.find("const int twice"));
  EXPECT_EQ(C.CallSites[0].ArgumentLocals[0].Decl.Length, 0u);
  unsigned Line = lineOf(Code, "\"twice\", twice");
  EXPECT_THAT(Texts(C.CallSites[0].ArgumentLocals[0]),
              ElementsAre(std::to_string(Line) + ":twice"));
  // Read in a condition and by other code too.
  ASSERT_EQ(C.CallSites[1].ArgumentLocals.size(), 1u);
  EXPECT_EQ(Texts(C.CallSites[1].ArgumentLocals[0]).size(), 3u);
  // Assigned and stepped: no reads, but the recording's.
  ASSERT_EQ(C.CallSites[2].ArgumentLocals.size(), 1u);
  EXPECT_EQ(C.CallSites[2].ArgumentLocals[0].Decl.Offset, Code.find("int set;"));
  EXPECT_EQ(Texts(C.CallSites[2].ArgumentLocals[0]).size(), 1u);
  // A loop's variable is declared in no statement of its own.
  EXPECT_THAT(C.CallSites[3].ArgumentLocals, IsEmpty());
}

TEST(CallSites, ArgumentsComingFromTheCaller) {
  Catalog C = catalogFor(withService(R"cpp(
struct Request { std::string part; int n; };
class InventoryService {
 public:
  explicit InventoryService(MetricsServiceProtocol& metrics) : metrics_(metrics) {}
  void Find(const std::string& part, int qty) {
    std::string local = part + "!";
    metrics_.RecordQuantityChange(part, qty);
    metrics_.RecordQuantityChange(local, 1);
  }
  void Handle(const Request& r) { metrics_.RecordQuantityChange(r.part, r.n); }
 private:
  MetricsServiceProtocol& metrics_;
};)cpp"));
  ASSERT_EQ(C.CallSites.size(), 3u);
  EXPECT_THAT(C.CallSites[0].ParamArgs, ElementsAre(0u, 1u));
  EXPECT_THAT(C.CallSites[1].ParamArgs, IsEmpty());
  EXPECT_THAT(C.CallSites[2].ParamArgs, ElementsAre(0u, 1u));
}

TEST(CallSites, SharedPtrArrowAndDefaultArgumentNotWritten) {
  Catalog C = catalogFor(withService(R"cpp(
class KitService {
 public:
  explicit KitService(std::shared_ptr<MetricsServiceProtocol> metrics)
      : metrics_(std::move(metrics)) {}
  void Create() { metrics_->RecordKitCreated(); }
 private:
  std::shared_ptr<MetricsServiceProtocol> metrics_;
};)cpp"));
  ASSERT_EQ(C.CallSites.size(), 1u);
  EXPECT_TRUE(C.CallSites[0].Arrow);
  EXPECT_EQ(C.CallSites[0].Receiver, "metrics_");
  EXPECT_THAT(C.CallSites[0].Args, IsEmpty());
}

TEST(CallSites, NullCheckedRawPointer) {
  Catalog C = catalogFor(withService(R"cpp(
class LineService {
 public:
  explicit LineService(MetricsServiceProtocol* metrics = nullptr) : metrics_(metrics) {}
  void Mark(int n) {
    if (metrics_ != nullptr) {
      metrics_->RecordQuantityChange("ordered", n);
    }
  }
 private:
  MetricsServiceProtocol* metrics_;
};)cpp"));
  ASSERT_EQ(C.CallSites.size(), 1u);
  EXPECT_TRUE(C.CallSites[0].Arrow);
  EXPECT_EQ(C.CallSites[0].EnclosingFunction, "shop::LineService::Mark");
}

TEST(CallSites, LambdaTemplateAndMacro) {
  std::string Code = withService(R"cpp(
#define RECORD_KIT(m) (m).RecordKitCreated(2)
template <typename Key>
class TimedCache {
 public:
  explicit TimedCache(MetricsServiceProtocol& metrics) : metrics_(metrics) {}
  void Hit(const Key&) { metrics_.RecordQuantityChange("hit", 1); }
 private:
  MetricsServiceProtocol& metrics_;
};
inline void Broadcast(MetricsServiceProtocol& metrics, int n) {
  auto each = [&metrics](int i) { metrics.RecordQuantityChange("sse", i); };
  each(n);
  RECORD_KIT(metrics);
}
inline void Use(MetricsServiceProtocol& m) {
  TimedCache<int> a(m);
  TimedCache<long> b(m);
  a.Hit(1);
  b.Hit(2);
})cpp");
  Catalog C = catalogFor(Code);
  // The template's call is listed once although it is instantiated twice.
  ASSERT_EQ(C.CallSites.size(), 3u);
  const CallSite &InTemplate = C.CallSites[0];
  EXPECT_EQ(InTemplate.Loc.Line, lineOf(Code, "metrics_.RecordQuantityChange(\"hit\""));
  EXPECT_TRUE(InTemplate.InTemplate);
  EXPECT_EQ(InTemplate.EnclosingFunction, "shop::TimedCache::Hit");
  const CallSite &InLambda = C.CallSites[1];
  EXPECT_TRUE(InLambda.InLambda);
  EXPECT_EQ(InLambda.EnclosingFunction, "shop::Broadcast");
  EXPECT_EQ(InLambda.Receiver, "metrics");
  const CallSite &InMacro = C.CallSites[2];
  EXPECT_TRUE(InMacro.InMacro);
  EXPECT_EQ(InMacro.Wrapper, "RecordKitCreated");
  EXPECT_EQ(InMacro.Loc.Line, lineOf(Code, "RECORD_KIT(metrics);"));
  EXPECT_EQ(InMacro.Macro, "RECORD_KIT");
  // The receiver is the macro's parameter, used for nothing else: the
  // definition is rewritten, and the parameter and its argument go.
  ASSERT_TRUE(InMacro.MacroDefinition.valid());
  EXPECT_EQ(Code.substr(InMacro.MacroDefinition.Offset, InMacro.MacroDefinition.Length),
            "(m).RecordKitCreated(2)");
  ASSERT_TRUE(InMacro.MacroReceiverParam.valid());
  EXPECT_EQ(InMacro.MacroReceiverParam.Offset, Code.find("RECORD_KIT(m)") + 11);
  EXPECT_EQ(InMacro.MacroReceiverParam.Length, 1u);
  ASSERT_TRUE(InMacro.MacroReceiverArg.valid());
  EXPECT_EQ(InMacro.MacroReceiverArg.Offset, Code.find("RECORD_KIT(metrics);") + 11);
  EXPECT_EQ(InMacro.MacroReceiverArg.Length, 7u);
}

TEST(CallSites, AMacroParameterUsedForMoreThanTheObjectIsNotDropped) {
  // Named twice in the body, spelled with `#`, or handed an argument with
  // side effects: the macro's text cannot lose it.
  for (const char *Macro :
       {"#define RECORD_KIT(m) do { (void)&(m); (m).RecordKitCreated(2); } while (0)",
        "#define RECORD_KIT(m) ((void)#m, (m).RecordKitCreated(2))"}) {
    std::string Code = withService(std::string(Macro) + R"cpp(
inline void Broadcast(MetricsServiceProtocol& metrics) { RECORD_KIT(metrics); })cpp");
    Catalog C = catalogFor(Code);
    ASSERT_EQ(C.CallSites.size(), 1u) << Macro;
    EXPECT_TRUE(C.CallSites[0].InMacro);
    EXPECT_FALSE(C.CallSites[0].MacroDefinition.valid()) << Macro;
    EXPECT_FALSE(C.CallSites[0].MacroReceiverParam.valid()) << Macro;
  }
  std::string Code = withService(R"cpp(
#define RECORD_KIT(m) (m).RecordKitCreated(2)
MetricsServiceProtocol& Next();
inline void Broadcast() { RECORD_KIT(Next()); })cpp");
  Catalog C = catalogFor(Code);
  ASSERT_EQ(C.CallSites.size(), 1u);
  EXPECT_FALSE(C.CallSites[0].MacroDefinition.valid());
}

TEST(CallSites, CallsOnTheServiceItselfInAGTestBodyAreATestOfIt) {
  // A stand-in for gtest: a test is a class deriving from testing::Test
  // whose TestBody() the macro's braces define.
  std::string Code = withService(R"cpp(
}  // namespace shop
namespace testing {
class Test {
 public:
  virtual ~Test() = default;
  virtual void TestBody() = 0;
};
}  // namespace testing
#define TEST_F(Suite, Name)                    \
  class Suite##_##Name##_Test : public Suite { \
    void TestBody() override;                  \
  };                                           \
  void Suite##_##Name##_Test::TestBody()
namespace shop {
class MetricsTest : public testing::Test {
 protected:
  MetricsService metrics_;
};
TEST_F(MetricsTest, CountsChanges) {
  metrics_.RecordQuantityChange("add", 2);
  metrics_.registry();
}
TEST_F(MetricsTest, ThroughTheInterface) {
  MetricsServiceProtocol& m = metrics_;
  m.RecordKitCreated();
}
inline void NotATest(MetricsService& s) { s.RecordKitCreated(); })cpp");
  Catalog C = catalogFor(Code);
  ASSERT_EQ(C.CallSites.size(), 3u);
  const CallSite &OnService = C.CallSites[0];
  EXPECT_EQ(OnService.Wrapper, "RecordQuantityChange");
  ASSERT_TRUE(OnService.ServiceTest.valid());
  EXPECT_EQ(OnService.TestName, "MetricsTest.CountsChanges");
  size_t Open = Code.find("{", Code.find("TEST_F(MetricsTest, CountsChanges)"));
  EXPECT_EQ(OnService.ServiceTest.Offset, Open);
  EXPECT_EQ(Code[OnService.ServiceTest.Offset + OnService.ServiceTest.Length - 1], '}');
  // `registry()` is called there too: no wrapper, but the test does more.
  EXPECT_TRUE(OnService.ServiceTestCallsMore);
  // Through the interface, or outside a test: no test of the service.
  EXPECT_FALSE(C.CallSites[1].ServiceTest.valid());
  EXPECT_FALSE(C.CallSites[2].ServiceTest.valid());
}

TEST(CallSites, MacroDefinitionSpellingTheWholeCall) {
  std::string Code = withService(R"cpp(
class TaskService {
 public:
  explicit TaskService(MetricsServiceProtocol& metrics) : metrics_(metrics) {}
#define FINISH(op, n) \
  do { metrics_.RecordQuantityChange(op, (n) + 1); } while (false)
  void Done() { FINISH("done", 2); }
  void Failed(int k) { FINISH("failed", k); }
 private:
  MetricsServiceProtocol& metrics_;
};)cpp");
  Catalog C = catalogFor(Code);
  ASSERT_EQ(C.CallSites.size(), 2u);
  for (const CallSite &CS : C.CallSites) {
    EXPECT_TRUE(CS.InMacro);
    EXPECT_EQ(CS.Macro, "FINISH");
    ASSERT_TRUE(CS.MacroDefinition.valid());
    EXPECT_EQ(CS.MacroDefinition.Line, lineOf(Code, "do { metrics_."));
    EXPECT_EQ(Code.substr(CS.MacroDefinition.Offset,
                          CS.MacroDefinition.Length),
              "metrics_.RecordQuantityChange(op, (n) + 1)");
    EXPECT_THAT(CS.MacroArgs, ElementsAre("op", "(n) + 1"));
  }
  EXPECT_EQ(C.CallSites[0].Loc.Line, lineOf(Code, "FINISH(\"done\""));
  EXPECT_EQ(C.CallSites[1].Loc.Line, lineOf(Code, "FINISH(\"failed\""));
}

TEST(CallSites, CallWrittenInOneMacroArgumentIsACallWhereItIsWritten) {
  std::string Code = withService(R"cpp(
#define TWICE(stmt) do { stmt; stmt; } while (false)
#define CHECK_EQ(a, b) do { if ((a) != (b)) return; } while (false)
#define CALL(object, method) object.method(2)
inline void Use(MetricsServiceProtocol& metrics) {
  TWICE(metrics.RecordKitCreated(1));
  CHECK_EQ(1, (metrics.RecordKitCreated(3), 1));
  CALL(metrics, RecordKitCreated);
})cpp");
  Catalog C = catalogFor(Code);
  ASSERT_EQ(C.CallSites.size(), 3u);
  EXPECT_FALSE(C.CallSites[0].InMacro);
  EXPECT_EQ(Code.substr(C.CallSites[0].Loc.Offset, C.CallSites[0].Loc.Length),
            "metrics.RecordKitCreated(1)");
  EXPECT_FALSE(C.CallSites[1].InMacro);
  EXPECT_THAT(C.CallSites[1].Args, ElementsAre("3"));
  // Spread over two arguments and the macro's body: a macro call.
  EXPECT_TRUE(C.CallSites[2].InMacro);
  EXPECT_EQ(C.CallSites[2].Macro, "CALL");
}

TEST(CallSites, CallOnALambdasParameterNamesItAndCountsItsUses) {
  std::string Code = withService(R"cpp(
template <class M, class F> void withMetrics(M* m, F f) { if (m) f(*m); }
inline void Use(MetricsServiceProtocol* metrics) {
  withMetrics(metrics, [](auto& m) { m.RecordKitCreated(1); });
  withMetrics(metrics, [](MetricsServiceProtocol& other) {
    other.RecordKitCreated(2);
    MetricsServiceProtocol* again = &other;
    (void)again;
  });
  metrics->RecordKitCreated(3);
})cpp");
  Catalog C = catalogFor(Code);
  ASSERT_EQ(C.CallSites.size(), 3u);
  const CallSite &Generic = C.CallSites[0];
  ASSERT_TRUE(Generic.ReceiverParam.valid());
  EXPECT_EQ(Code.substr(Generic.ReceiverParam.Offset, Generic.ReceiverParam.Length), "m");
  EXPECT_EQ(Generic.ReceiverParamUses, 1u);
  const CallSite &Named = C.CallSites[1];
  ASSERT_TRUE(Named.ReceiverParam.valid());
  EXPECT_EQ(Code.substr(Named.ReceiverParam.Offset, Named.ReceiverParam.Length), "other");
  EXPECT_EQ(Named.ReceiverParamUses, 2u); // the call and `&other`
  // No change: a function's parameter holding the service is an injection
  // point.
  EXPECT_FALSE(C.CallSites[2].ReceiverParam.valid());
}

TEST(CallSites, CallReachedThroughAFunctionsParameterNamesItAndCountsItsUses) {
  std::string Code = withService(R"cpp(
struct Env { MetricsServiceProtocol* metrics = nullptr; int id = 0; };
struct Holder { Env* env = nullptr; };
inline void Only(Env* env) { env->metrics->RecordKitCreated(1); }
inline int Also(const Env& env) {
  env.metrics->RecordKitCreated(2);
  return env.id;
}
inline void Deeper(Holder h) { h.env->metrics->RecordKitCreated(3); }
struct Stage {
  explicit Stage(Env* env) : id_(env->id) { env->metrics->RecordKitCreated(4); }
  int id_;
};)cpp");
  Catalog C = catalogFor(Code);
  ASSERT_EQ(C.CallSites.size(), 4u);
  std::vector<std::string> Seen;
  for (const CallSite &CS : C.CallSites)
    Seen.push_back(Code.substr(CS.ReceiverParam.Offset, CS.ReceiverParam.Length) + " " +
                   std::to_string(CS.ReceiverParamUses));
  // The constructor names it in its initializer too.
  EXPECT_THAT(Seen, ElementsAre("env 1", "env 2", "h 1", "env 2"));
}

TEST(CallSites, NamespaceOfTheCallerSkipsAnonymousAndInlineOnes) {
  Catalog C = catalogFor(withService(R"cpp(
namespace app { inline namespace v2 { namespace {
inline void Use(MetricsServiceProtocol& metrics) { metrics.RecordKitCreated(1); }
} } }
namespace app::net {
struct Conn { void Open(MetricsServiceProtocol& m); };
}
void app::net::Conn::Open(MetricsServiceProtocol& m) { m.RecordKitCreated(2); }
)cpp"));
  ASSERT_EQ(C.CallSites.size(), 2u);
  EXPECT_EQ(C.CallSites[0].Namespace, "shop::app");
  // An out-of-line definition is in its class's namespace.
  EXPECT_EQ(C.CallSites[1].Namespace, "shop::app::net");
}

TEST(CallSites, CallsThroughTheServiceClassItself) {
  Catalog C = catalogFor(withService(R"cpp(
inline void Drive(MetricsService& metrics) { metrics.RecordKitCreated(3); })cpp"));
  ASSERT_EQ(C.CallSites.size(), 1u);
  EXPECT_THAT(C.CallSites[0].Args, ElementsAre("3"));
}

TEST(CallSites, NonWrappersAndSelfCallsAreNotCallSites) {
  Catalog C = catalogFor(withService(R"cpp(
inline void Expose(MetricsService& metrics) { metrics.registry(); }
struct Unrelated { void RecordKitCreated(int) {} };
inline void Other(Unrelated& u) { u.RecordKitCreated(1); })cpp"));
  EXPECT_THAT(C.CallSites, IsEmpty());
}

TEST(CallSites, ClassDerivingFromTheServiceCallingAnInheritedWrapper) {
  Catalog C = catalogFor(withService(R"cpp(
class Audited : public MetricsService {
 public:
  void RecordKitCreated(int n) override { MetricsService::RecordKitCreated(n + 1); }
  void Twice() { RecordKitCreated(2); RecordQuantityChange("add", 1); }
};)cpp"));
  // The call to the wrapper it overrides is its own business; the inherited
  // one is a call site.
  ASSERT_EQ(C.CallSites.size(), 1u);
  const CallSite &CS = C.CallSites[0];
  EXPECT_EQ(CS.Wrapper, "RecordQuantityChange");
  EXPECT_EQ(CS.DerivedCaller, "shop::Audited");
  EXPECT_EQ(CS.EnclosingFunction, "shop::Audited::Twice");
  EXPECT_EQ(CS.Receiver, "");
}

TEST(CallSites, ServiceAndDoublesCallingThemselvesAreNotCallSites) {
  Catalog C = catalogFor(withService(R"cpp(
class Stub : public MetricsServiceProtocol {
 public:
  void RecordKitCreated(int) override {}
  void RecordQuantityChange(const std::string& op, int qty) override { RecordKitCreated(qty); }
};)cpp"));
  EXPECT_THAT(C.CallSites, IsEmpty());
}

TEST(CallSites, CallInAnInactiveBranchIsFoundByItsText) {
  Catalog C = catalogFor(withService(R"cpp(
inline void Drive(MetricsServiceProtocol& metrics, int n) {
#if SHOP_TRACE
  metrics.RecordKitCreated(n);
  metrics->RecordQuantityChange ("x", n);
#endif
  metrics.RecordKitCreated(1);
})cpp"));
  ASSERT_EQ(C.CallSites.size(), 3u);
  const CallSite &Skipped = C.CallSites[0];
  EXPECT_TRUE(Skipped.Inactive);
  EXPECT_EQ(Skipped.Wrapper, "RecordKitCreated");
  EXPECT_EQ(Skipped.Signature, "RecordKitCreated(int)");
  EXPECT_EQ(Skipped.EnclosingFunction, "shop::Drive");
  EXPECT_EQ(Skipped.Loc.Length, std::string("RecordKitCreated").size());
  EXPECT_EQ(Skipped.Receiver, "metrics");
  EXPECT_TRUE(C.CallSites[1].Inactive);
  EXPECT_EQ(C.CallSites[1].Wrapper, "RecordQuantityChange");
  EXPECT_FALSE(C.CallSites[2].Inactive);
}

TEST(CallSites, InactiveDeclarationsAndSelfCallsAreNotCallSites) {
  Catalog C = catalogFor(withService(R"cpp(
#if 0
void RecordKitCreated(int n);
void MetricsService::RecordKitCreated(int n) {}
// RecordKitCreated(2) in a comment, with no object
#endif
class Stub : public MetricsServiceProtocol {
 public:
  void RecordKitCreated(int) override {}
  void RecordQuantityChange(const std::string&, int qty) override {
#ifdef SHOP_TRACE
    this->RecordKitCreated(qty);
#endif
  }
};
inline void Drive(MetricsServiceProtocol& metrics) {
#if 1
  metrics.RecordKitCreated(1);
#endif
})cpp"));
  ASSERT_EQ(C.CallSites.size(), 1u);
  EXPECT_FALSE(C.CallSites[0].Inactive);
}

TEST(TestCode, ATUIncludingATestFrameworkIsATestTU) {
  EXPECT_TRUE(factsFor("#include <gmock/gmock.h>\n" + withService("")).TestTU);
  EXPECT_TRUE(factsFor("#include <gtest/gtest.h>\n" + withService("")).TestTU);
  // No change: a TU including neither, whatever it is called.
  EXPECT_FALSE(factsFor(withService("")).TestTU);
}

TEST(CallSites, MethodNamedForAPointerOrBindIsAddressTaken) {
  Catalog C = catalogFor(withService(R"cpp(
using Record = void (MetricsServiceProtocol::*)(int);
inline void Later(MetricsServiceProtocol& metrics) {
  Record r = &MetricsServiceProtocol::RecordKitCreated;
  (metrics.*r)(2);
})cpp"));
  ASSERT_EQ(C.CallSites.size(), 1u);
  const CallSite &CS = C.CallSites[0];
  EXPECT_TRUE(CS.AddressTaken);
  EXPECT_EQ(CS.Wrapper, "RecordKitCreated");
  EXPECT_EQ(CS.Signature, "RecordKitCreated(int)");
  EXPECT_EQ(CS.EnclosingFunction, "shop::Later");
  EXPECT_THAT(CS.Args, IsEmpty());
}

TEST(CallSites, PlainCallsAreNotAddressTaken) {
  Catalog C = catalogFor(withService(R"cpp(
inline void Now(MetricsServiceProtocol& metrics) { metrics.RecordKitCreated(2); })cpp"));
  ASSERT_EQ(C.CallSites.size(), 1u);
  EXPECT_FALSE(C.CallSites[0].AddressTaken);
}

TEST(InjectionPoints, EachStyleOnceAtDeclarationAndDefinition) {
  std::string Code = withService(R"cpp(
class InventoryService {
 public:
  InventoryService(int db, MetricsServiceProtocol& metrics);
 private:
  MetricsServiceProtocol& metrics_;
};
InventoryService::InventoryService(int, MetricsServiceProtocol& metrics) : metrics_(metrics) {}
class KitService {
 public:
  explicit KitService(std::shared_ptr<MetricsServiceProtocol> metrics) : metrics_(metrics) {}
 private:
  std::shared_ptr<MetricsServiceProtocol> metrics_;
};
class LineService {
 public:
  explicit LineService(MetricsServiceProtocol* metrics = nullptr) : metrics_(metrics) {}
 private:
  MetricsServiceProtocol* metrics_;
};
int HandleGetPart(int part, MetricsServiceProtocol& metrics);
)cpp");
  Catalog C = catalogFor(Code);
  ASSERT_EQ(C.InjectionPoints.size(), 8u);
  const InjectionPoint &Decl = C.InjectionPoints[0];
  EXPECT_EQ(Decl.Kind, InjectionKind::ConstructorParam);
  EXPECT_EQ(Decl.Owner, "shop::InventoryService");
  EXPECT_EQ(Decl.Name, "metrics");
  EXPECT_EQ(Decl.Index, 1u);
  EXPECT_EQ(Decl.How, Holder::Reference);
  EXPECT_EQ(Decl.Interface, "shop::MetricsServiceProtocol");
  EXPECT_EQ(Decl.Type, "MetricsServiceProtocol&");
  EXPECT_EQ(C.InjectionPoints[1].Kind, InjectionKind::Field);
  EXPECT_EQ(C.InjectionPoints[1].Name, "metrics_");
  EXPECT_EQ(C.InjectionPoints[2].Kind, InjectionKind::ConstructorParam);
  EXPECT_EQ(C.InjectionPoints[2].Loc.Line,
            lineOf(Code, "InventoryService::InventoryService(int"));
  EXPECT_EQ(C.InjectionPoints[3].How, Holder::SharedPtr);
  EXPECT_EQ(C.InjectionPoints[4].How, Holder::SharedPtr);
  EXPECT_EQ(C.InjectionPoints[4].Kind, InjectionKind::Field);
  EXPECT_EQ(C.InjectionPoints[5].How, Holder::Pointer);
  EXPECT_EQ(C.InjectionPoints[5].Default, "nullptr");
  EXPECT_EQ(C.InjectionPoints[6].Kind, InjectionKind::Field);
  const InjectionPoint &Free = C.InjectionPoints[7];
  EXPECT_EQ(Free.Kind, InjectionKind::FunctionParam);
  EXPECT_EQ(Free.Owner, "shop::HandleGetPart");
  EXPECT_EQ(Free.Index, 1u);
}

/// InventoryService's constructor loses its metrics: where `explicit`
/// would go, as recorded in \p Code (a valid span only on its declaration
/// in the class), and how many parameters it has.
std::vector<std::string> explicitSites(const std::string &Code) {
  std::vector<std::string> Sites;
  for (const InjectionPoint &IP : catalogFor(Code).InjectionPoints)
    if (IP.Kind == InjectionKind::ConstructorParam && IP.Owner == "shop::InventoryService")
      Sites.push_back(std::to_string(IP.Loc.Line) + " " + std::to_string(IP.Params) + " " +
                      (IP.ExplicitAt.valid() ? std::to_string(IP.ExplicitAt.Line) + ":" +
                                                   std::to_string(IP.ExplicitAt.Column)
                                             : "-"));
  return Sites;
}

TEST(InjectionPoints, WhereExplicitGoesWhenTheProjectWritesItSo) {
  std::string Classes = R"cpp(
class InventoryService {
 public:
  InventoryService(int db, MetricsServiceProtocol& metrics);
 private:
  MetricsServiceProtocol& metrics_;
};
InventoryService::InventoryService(int, MetricsServiceProtocol& metrics) : metrics_(metrics) {}
class KitService {
 public:
  explicit KitService(MetricsServiceProtocol& metrics) : metrics_(metrics) {}
  KitService(const KitService&) = default;
 private:
  MetricsServiceProtocol& metrics_;
};
struct Sku { explicit Sku(int id) : id(id) {} int id; };
)cpp";
  std::string Code = withService(Classes);
  unsigned Decl = lineOf(Code, "  InventoryService(int db");
  unsigned Def = lineOf(Code, "InventoryService::InventoryService(");
  EXPECT_THAT(explicitSites(Code),
              ElementsAre(std::to_string(Decl) + " 2 " + std::to_string(Decl) + ":3",
                          std::to_string(Def) + " 2 -"));
  // Where most of them are written without it, nothing is marked.
  std::string Implicit = withService(Classes + R"cpp(
struct Bin { Bin(int id) : id(id) {} int id; };
struct Lot { Lot(long id) : id(id) {} long id; };
struct Tag { Tag(short id) : id(id) {} short id; };
)cpp");
  EXPECT_THAT(explicitSites(Implicit),
              ElementsAre(std::to_string(lineOf(Implicit, "  InventoryService(int db")) + " 2 -",
                          std::to_string(lineOf(Implicit, "InventoryService::InventoryService(")) +
                              " 2 -"));
}

TEST(InjectionPoints, ATUSeeingOnlyAForwardDeclarationRecordsThemAllTheSame) {
  std::string Code = R"cpp(
#include <memory>
#include <utility>
namespace shop { class MetricsService; }
namespace other { class MetricsService; }
namespace app {
class Reader {
 public:
  Reader(int fd, std::shared_ptr<shop::MetricsService> m) : fd_(fd), m_(std::move(m)) {}
 private:
  int fd_;
  std::shared_ptr<shop::MetricsService> m_;
};
std::unique_ptr<Reader> makeReader(int fd, std::shared_ptr<shop::MetricsService> m) {
  return std::make_unique<Reader>(fd, std::move(m));
}
void elsewhere(other::MetricsService* namesake);
}  // namespace app
)cpp";
  TUFacts F = factsFor(Code);
  EXPECT_FALSE(F.SawService);
  const auto &Points = F.Partial.InjectionPoints;
  ASSERT_EQ(Points.size(), 3u);
  EXPECT_EQ(Points[0].Kind, InjectionKind::ConstructorParam);
  EXPECT_EQ(Points[0].Owner, "app::Reader");
  EXPECT_EQ(Points[1].Kind, InjectionKind::Field);
  EXPECT_EQ(Points[2].Kind, InjectionKind::FunctionParam);
  EXPECT_EQ(Points[2].Owner, "app::makeReader");
  for (const InjectionPoint &IP : Points) {
    EXPECT_EQ(IP.Interface, "shop::MetricsService");
    EXPECT_EQ(IP.How, Holder::SharedPtr);
  }
  ASSERT_EQ(F.Scan.ArgumentSites.size(), 1u);
  EXPECT_EQ(F.Scan.ArgumentSites[0].Callee, "app::Reader");
  EXPECT_EQ(F.Scan.ArgumentSites[0].ArgText, "std::move(m)");
  EXPECT_EQ(F.Scan.ArgumentSites[0].EnclosingFunction, "app::makeReader");
}

TEST(ForwardDeclarations, EachWithWhatRemovingItTakes) {
  std::string Code = R"cpp(namespace shop { class MetricsService; }
namespace shop {
class Other;
class MetricsService;
}
namespace app {
class Holder {
  friend class shop::MetricsService;
};
}
namespace shop { class Other; }
namespace shop {
class MetricsService {
 public:
  void Record();
};
}  // namespace shop
)cpp";
  TUFacts F = factsFor(Code);
  auto Text = [&](const SourceSpan &S) { return Code.substr(S.Offset, S.Length); };
  ASSERT_EQ(F.Scan.ForwardDeclarations.size(), 2u);
  EXPECT_EQ(F.Scan.ForwardDeclarations[0].Class, "shop::MetricsService");
  EXPECT_EQ(Text(F.Scan.ForwardDeclarations[0].Decl), "namespace shop { class MetricsService; }");
  EXPECT_EQ(Text(F.Scan.ForwardDeclarations[1].Decl), "class MetricsService;");
}

TEST(InjectionPoints, OwnersAndLambdaCapturesAreNotInjection) {
  Catalog C = catalogFor(withService(R"cpp(
class MetricsFixture {
 protected:
  MetricsService metrics_;
};
inline void Later(MetricsServiceProtocol* metrics) {
  auto later = [metrics] { metrics->RecordKitCreated(1); };
  later();
})cpp"));
  ASSERT_EQ(C.InjectionPoints.size(), 1u);
  EXPECT_EQ(C.InjectionPoints[0].Kind, InjectionKind::FunctionParam);
  EXPECT_EQ(C.InjectionPoints[0].Owner, "shop::Later");
  ASSERT_EQ(C.CallSites.size(), 1u);
  EXPECT_TRUE(C.CallSites[0].InLambda);
}

TEST(InjectionPoints, UnrelatedTypesAreNotInjection) {
  Catalog C = catalogFor(withService(R"cpp(
struct Settings { int interval = 1; };
class Poller {
 public:
  explicit Poller(const Settings& s) : s_(s) {}
 private:
  const Settings& s_;
};)cpp"));
  EXPECT_THAT(C.InjectionPoints, IsEmpty());
}

TEST(TestDoubles, StubAndMockAreDetected) {
  std::string Code = "#include <gmock/gmock.h>\n" + withService(R"cpp(
class StubMetricsService : public MetricsServiceProtocol {
 public:
  void RecordQuantityChange(const std::string&, int) override {}
  void RecordKitCreated(int) override {}
};
class MockMetricsService : public MetricsServiceProtocol {
 public:
  MOCK_METHOD(void, RecordQuantityChange, (const std::string& operation, int delta), (override));
  MOCK_METHOD(void, RecordKitCreated, (int count), (override));
};)cpp");
  Catalog C = catalogFor(Code);
  ASSERT_EQ(C.TestDoubles.size(), 2u);
  EXPECT_EQ(C.TestDoubles[0].Name, "shop::MockMetricsService");
  EXPECT_EQ(C.TestDoubles[0].Kind, DoubleKind::Mock);
  EXPECT_THAT(C.TestDoubles[0].Methods, ElementsAre("RecordKitCreated", "RecordQuantityChange"));
  EXPECT_EQ(C.TestDoubles[1].Name, "shop::StubMetricsService");
  EXPECT_EQ(C.TestDoubles[1].Kind, DoubleKind::Stub);
  EXPECT_EQ(C.TestDoubles[1].Base, "shop::MetricsServiceProtocol");
  EXPECT_THAT(C.TestDoubles[1].Methods, ElementsAre("RecordKitCreated", "RecordQuantityChange"));
  // Expectations on the mock are not calls into the service.
  EXPECT_THAT(C.CallSites, IsEmpty());
}

TEST(InterfaceMentions, NamesAnInterfaceDeclaresBesidesItsMethodsWhereverTheyAreUsed) {
  std::string Code = R"cpp(#include <cstddef>
namespace gw {
class Stats {
 public:
  enum class Outcome { Accepted, Rejected };
  using Bytes = std::size_t;
  static constexpr Bytes MaxPayload = 4096;
  virtual ~Stats() = default;
  virtual void countRequest(Outcome O) = 0;
  static const char *outcomeName(Outcome O) { return O == Outcome::Accepted ? "a" : "r"; }
};
class PromStats : public Stats {
 public:
  void countRequest(Outcome O) override { (void)O; }
};
Stats::Outcome handle(Stats &S, std::size_t Size) {
  S.countRequest(Stats::Outcome::Rejected);
  return Size > Stats::MaxPayload ? Stats::Outcome::Rejected : Stats::Outcome::Accepted;
}
const char *label() { return Stats::outcomeName(Stats::Outcome::Accepted); }
}  // namespace gw
)cpp";
  TUFacts F = factsFor(Code, "gw::PromStats");
  std::vector<std::string> Named;
  for (const InterfaceMention &M : F.Scan.InterfaceMentions)
    Named.push_back(M.Interface + " " + M.Name + " " +
                    Code.substr(M.Loc.Offset, M.Loc.Length) + " :" +
                    std::to_string(M.Loc.Line));
  // In the order of the source; nothing inside Stats itself, nor the
  // instance method called through S.
  EXPECT_THAT(Named, ElementsAre("gw::Stats Outcome Outcome :14",
                                 "gw::Stats Outcome Outcome :16",
                                 "gw::Stats Outcome Outcome :17",
                                 "gw::Stats Rejected Rejected :17",
                                 "gw::Stats MaxPayload MaxPayload :18",
                                 "gw::Stats Outcome Outcome :18",
                                 "gw::Stats Rejected Rejected :18",
                                 "gw::Stats Outcome Outcome :18",
                                 "gw::Stats Accepted Accepted :18",
                                 "gw::Stats outcomeName outcomeName :20",
                                 "gw::Stats Outcome Outcome :20",
                                 "gw::Stats Accepted Accepted :20"));
}

TEST(InterfaceMentions, OnceAsWrittenNotAgainPerTemplateInstantiation) {
  std::string Code = R"cpp(namespace gw {
class Stats {
 public:
  enum class Outcome { Accepted, Rejected };
  virtual ~Stats() = default;
  virtual void countRequest(Outcome O) = 0;
};
class PromStats : public Stats {
 public:
  void countRequest(Outcome O) override { (void)O; }
};
template <typename T> Stats::Outcome classify(T Size) {
  return Size > 0 ? Stats::Outcome::Accepted : Stats::Outcome::Rejected;
}
template <typename T> struct Holder { Stats::Outcome Last; };
int use() { Holder<int> H{}; Holder<long> L{}; (void)H; (void)L;
            return int(classify(1)) + int(classify(2L)); }
}  // namespace gw
)cpp";
  TUFacts F = factsFor(Code, "gw::PromStats");
  std::vector<std::string> Named;
  for (const InterfaceMention &M : F.Scan.InterfaceMentions)
    Named.push_back(M.Name + " :" + std::to_string(M.Loc.Line));
  // The override in PromStats names it too; the instantiations of classify
  // and Holder add nothing.
  EXPECT_THAT(Named, ElementsAre("Outcome :10", "Outcome :12", "Outcome :13", "Accepted :13",
                                 "Outcome :13", "Rejected :13", "Outcome :15"));
}

TEST(ServiceNamespaceUses, UsingDirectivesAndAliasesOfTheServicesOwnNamespace) {
  std::string Code = R"cpp(namespace app {
namespace obs {
class Metrics {
 public:
  void Record() {}
};
namespace detail {}
}  // namespace obs
}  // namespace app
namespace std {}
using namespace app::obs;
namespace o = app::obs;
using namespace std;
using namespace app;
using namespace app::obs::detail;
void f() {
  using namespace app::obs;
}
)cpp";
  TUFacts F = factsFor(Code, "app::obs::Metrics");
  std::vector<unsigned> Lines;
  for (const SourceSpan &U : F.Scan.ServiceNamespaceUses)
    Lines.push_back(U.Line);
  // Its own namespace only: not another, nor one around it or inside it.
  EXPECT_THAT(Lines, ElementsAre(11u, 12u, 17u));
}

TEST(InterfaceMentions, NoneForAnInterfaceOfMethodsAlone) {
  TUFacts F = factsFor(withService(R"cpp(
class InventoryService {
 public:
  explicit InventoryService(MetricsServiceProtocol& metrics) : metrics_(metrics) {}
  void AddStock(int qty) { metrics_.RecordQuantityChange("add", qty); }
 private:
  MetricsServiceProtocol& metrics_;
};)cpp"));
  EXPECT_THAT(F.Scan.InterfaceMentions, IsEmpty());
}


TEST(ForwardDeclarations, ANestedNamespaceBlockHoldingItAloneGoesWithIt) {
  std::string Code = R"cpp(namespace app::obs { class Metrics; }
namespace app::obs {
class Other;
class Metrics;
}
namespace app::obs {
class Metrics {
 public:
  void Record();
};
}  // namespace app::obs
)cpp";
  TUFacts F = factsFor(Code, "app::obs::Metrics");
  auto Text = [&](const SourceSpan &S) { return Code.substr(S.Offset, S.Length); };
  ASSERT_EQ(F.Scan.ForwardDeclarations.size(), 2u);
  EXPECT_EQ(F.Scan.ForwardDeclarations[0].Class, "app::obs::Metrics");
  EXPECT_EQ(Text(F.Scan.ForwardDeclarations[0].Decl), "namespace app::obs { class Metrics; }");
  EXPECT_EQ(Text(F.Scan.ForwardDeclarations[1].Decl), "class Metrics;");
}

TEST(CallSites, ATestOfTheServiceItselfAndNotOfCodeBuiltOnIt) {
  // What gtest's TEST and TEST_F declare, spelled out.
  std::string Code = std::string(PrometheusIncludes) +
                     "namespace testing {\n"
                     "class Test {\n"
                     " public:\n"
                     "  virtual ~Test() = default;\n"
                     "  virtual void TestBody() = 0;\n"
                     "};\n"
                     "}  // namespace testing\n" +
                     BasicService + R"cpp(
namespace shop {
class Parser {
 public:
  explicit Parser(MetricsService& m) : m_(m) {}
  int parse() { return 1; }
 private:
  MetricsService& m_;
};
struct Probe { double value() const { return 0; } };

class Service_Counts_Test : public testing::Test {
  void TestBody() override {
    MetricsService m;
    m.RecordKitCreated();
    Expect(m.registry()->Collect().size() == 2u);
  }
  void Expect(bool) {}
};
class Service_ReadsThroughAProbe_Test : public testing::Test {
  void TestBody() override {
    MetricsService m;
    Probe probe;
    m.RecordKitCreated(5);
    (void)probe.value();
  }
};
class ParserFixture : public testing::Test {
 protected:
  MetricsService m_metrics;
  Parser m_parser{m_metrics};
};
class ParserFixture_Parses_Test : public ParserFixture {
  void TestBody() override {
    m_metrics.RecordKitCreated(2);
  }
};
class Service_BuildsAParser_Test : public testing::Test {
  void TestBody() override {
    MetricsService m;
    m.RecordKitCreated(3);
    Parser parser(m);
  }
};
class Service_CallsAParser_Test : public testing::Test {
  void TestBody() override {
    MetricsService m;
    std::unique_ptr<Parser> parser;
    m.RecordKitCreated(4);
    parser->parse();
  }
};
}  // namespace shop
)cpp";
  TUFacts F = factsFor(Code);
  std::map<std::string, std::string> TestOf;
  for (const CallSite &CS : F.Partial.CallSites)
    TestOf[CS.Args.empty() ? "" : CS.Args[0]] = CS.ServiceTest.valid() ? CS.TestName : "-";
  EXPECT_EQ(TestOf[""], "Service_Counts_Test");
  // A probe is code of the project too: the test is not of the service alone.
  EXPECT_EQ(TestOf["5"], "-");
  EXPECT_EQ(TestOf["2"], "-"); // its fixture holds a parser built on the service
  EXPECT_EQ(TestOf["3"], "-"); // builds one
  EXPECT_EQ(TestOf["4"], "-"); // calls one, through a std::unique_ptr
}

} // namespace
} // namespace mm::test
