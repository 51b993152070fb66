//===--- Scan.h - What the rewriters need beyond the catalog ----*- C++ -*-===//
//
// Plain data, no Clang AST: the uses of the service, its test doubles and its
// registry that a rewrite must follow (argument sites, null guards, variables
// holding the service, assertions on metric values, ...), and how the
// project spells its includes (Facts).
//
//===----------------------------------------------------------------------===//

#ifndef METRICS_MIGRATE_CORE_SCAN_H
#define METRICS_MIGRATE_CORE_SCAN_H

#include "core/Catalog.h"

#include "llvm/ADT/StringRef.h"

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <tuple>
#include <vector>

namespace mm {

/// Where the service is handed to an injection point: a construction
/// (`T(..)`, `T{..}`, `new T(..)`, `std::make_unique<T>(..)`,
/// `std::make_shared<T>(..)`, a member or base initializer, a default member
/// initializer) or a call of a function that takes it.
struct ArgumentSite {
  SourceSpan Call;    ///< The whole construction or call.
  std::string Callee; ///< Class or function, qualified: an InjectionPoint's Owner.
  std::string Form;   ///< paren, brace, new, make_unique, make_shared, call
  unsigned Index = 0; ///< Position of the service argument.
  std::string ArgText;
  SourceSpan Arg;     ///< The argument as written.
  /// What to delete to drop the argument: the argument with the comma that
  /// separates it from its neighbour.
  SourceSpan Removal;
  std::string EnclosingFunction;
};

/// Where a callable becomes a `std::function` whose signature takes the
/// service: its parameter there (an InjectionPoint of kind
/// FunctionTypeParam whose Owner is Type) and those of every lambda it is
/// made from keep or lose the service together. A lambda's parameters are
/// InjectionPoints of kind FunctionParam whose Owner is Lambda.
struct FunctionValue {
  /// The `std::function` type, canonical (`std::function<R (A, B)>`).
  std::string Type;
  SourceSpan Loc; ///< The callable as written (the whole lambda).
  /// `lambda at FILE:LINE:COL`; "" for a callable that is no lambda, or a
  /// generic one (a function, `std::bind`, an object): the type keeps the
  /// service then.
  std::string Lambda;
};

/// A member initializer of an injected field: `metrics_(metrics)`.
struct MemberInit {
  std::string Owner;
  std::string Field;
  SourceSpan Init;
  SourceSpan Removal; ///< With its separating comma, or with the `:` when alone.
  /// The statement builds the service into the field (`m = new Svc(..)`,
  /// `m = std::make_unique<Svc>(..)`): it goes with the field only while
  /// building the service does nothing the migration leaves behind
  /// (Service::Effects, a metric that stays in it).
  bool Creates = false;
};

/// `if (metrics_) metrics_->X(..);`, `if (metrics_ != nullptr) { .. }`:
/// a test of an injected pointer whose body does nothing but record. Also a
/// call of a null-guard helper, `withMetrics(metrics_, [&](M& m) { m.X(); })`,
/// whose guarded part is the lambda's body.
struct NullGuard {
  SourceSpan If;     ///< The whole if statement, or the helper's call statement.
  SourceSpan Body;   ///< The guarded statement(s), braces excluded.
  std::string Field; ///< The pointer tested.
  std::string Owner; ///< Its class, or the function taking it: an InjectionPoint's Owner.
  /// The helper called, qualified, for a helper's call; empty for an `if`.
  std::string Helper;
  /// `if (!p) return;`: the guarded part is the rest of the block (Body is
  /// invalid).
  bool EarlyReturn = false;
  /// Every guarded statement records through the pointer.
  bool OnlyRecords = false;
  /// The statement stands in a block or under a `case` label (not as an
  /// unbraced branch).
  bool InBlock = false;
  /// Under a `case` or `default` label: a unit put under a preprocessor
  /// condition needs braces there, or the label may be left with nothing.
  bool UnderLabel = false;
  /// `if (p != nullptr && ready) ...`: the test of the pointer with its
  /// `&&`, what goes from the condition (the rest stays, and so does the
  /// `if`). Invalid when the whole condition is the test.
  SourceSpan Conjunct;
  /// The function's parameter the pointer is reached through (`ctx` in
  /// `if (ctx->metrics)`), as CallSite::ReceiverParam, and how often the
  /// test that goes names it: those uses go with the check.
  SourceSpan ReceiverParam;
  unsigned ReceiverParamUses = 0;
};

/// A lambda capturing `this` explicitly (`[this]`, `[this, x]`, `[&, this]`,
/// `[=, this]`, `[*this]`) and what its body reaches through it: the capture
/// can go when every member it reaches goes.
struct ThisCapture {
  SourceSpan Capture; ///< `this` (or `*this`) as written.
  /// What to delete to drop the capture: with the comma that separates it
  /// from its neighbour.
  SourceSpan Removal;
  std::string Owner; ///< The class whose `this` is captured, qualified.
  /// Members reached through `this`, `Class::name` with the class declaring
  /// them (the owner or a base), sorted: the fields, and the methods (with
  /// any other member that is not a field).
  std::vector<std::string> Fields;
  std::vector<std::string> Methods;
  /// `this` is used other than to name a known member: passed, returned,
  /// dereferenced, or a member resolved only when a template is instantiated.
  bool OtherUse = false;
};

/// A variable or field holding the service, an interface or a test double
/// (`StubMetricsService stub;`, `StrictMock<MockMetricsService> m;`,
/// `auto& metrics = c.metrics();`), with every use: it can go when every use
/// goes.
struct ServiceVar {
  /// The whole declaration statement (or field); for a lambda's capture
  /// (`[&metrics, n]`, `[m = &metrics_]`), the capture as written.
  SourceSpan Decl;
  /// For a lambda's capture: what removing it takes, its separating comma
  /// included. Only the uses in the lambda's body are its Uses.
  SourceSpan Removal;
  std::string Name;
  std::string Type;   ///< As written.
  std::string Double; ///< The test double class it holds, if any.
  bool IsField = false;
  std::vector<SourceSpan> Uses;
};

/// `EXPECT_CALL(mock, Wrapper(args))[.Times(n)];`
struct Expectation {
  SourceSpan Stmt;      ///< The whole statement, `;` included.
  std::string Mock;     ///< The mock object as written (`metrics`, `*metrics`).
  std::string Wrapper;  ///< The method expected.
  std::vector<std::string> Args; ///< Matchers as written (`"add"`, `::testing::_`).
  unsigned Times = 1;
  bool TimesKnown = true; ///< False for `Times(AtLeast(..))` and friends.
  /// Offset of the `}` closing the block the expectation is in: where the
  /// value assertion goes.
  unsigned ScopeEnd = 0;
  std::string Test; ///< Enclosing function.
  /// Innermost named, non-inline namespace of the test (as for CallSite):
  /// the value assertion names the constants from there.
  std::string Namespace;
};

/// A gtest assertion comparing a value a test reads of the metrics with what
/// it expects (`EXPECT_EQ(sampleValue(*registry, "x_total", {..}), 2.0)`,
/// `ASSERT_DOUBLE_EQ(metrics.pendingRecords(), 1.0)`, `EXPECT_GE(..)`): the
/// read, and what it names that may make it a read of a metric.
struct ValueAssertion {
  SourceSpan Stmt; ///< The assertion statement.
  SourceSpan Read; ///< The reading call, as written.
  std::string Callee; ///< The function or method it calls, unqualified.
  /// The string literals the call is given, and those of the body of the
  /// function it calls when that is a project function whose body returns
  /// a value (a fixture's `flushed("size")` reading `"x_total"`).
  std::vector<std::string> Literals;
  /// The signatures of the methods of the service (or its interfaces) the
  /// call is, or the project function it calls calls.
  std::vector<std::string> Methods;
  /// The first offset the read can be evaluated at in the test body: just
  /// after the statement declaring the last local it names, else just
  /// after the body's `{`. 0 when a local it names is declared anywhere but
  /// at the top of the body (a loop's variable).
  unsigned ReadyAt = 0;
  /// The project function it calls (or one that function calls) returns a
  /// number other than 0 as written (`return -1;`): what it answers when
  /// nothing was recorded need not be 0, so two reads do not subtract.
  bool Sentinel = false;
  /// For an equality (`EXPECT_EQ`, `EXPECT_DOUBLE_EQ`, `EXPECT_FLOAT_EQ`):
  /// the other value compared, when it is a constant number.
  std::optional<double> Expected;
  /// Just after the test body's `{`.
  unsigned BodyStart = 0;
  std::string Test; ///< `Suite.Name`.
};

/// A gtest assertion on the families a registry the test built holds, as a
/// whole: how many (`EXPECT_EQ(families.size(), 11u)`) or that one is not
/// there (`EXPECT_THAT(families, Not(Contains(..)))`), `families` being
/// `registry->Collect()`, or a local set from it.
struct RegistryShapeAssertion {
  SourceSpan Stmt;     ///< The macro's whole invocation, `;` aside.
  SourceSpan Registry; ///< What the registry variable was initialized from.
  std::string Test;    ///< `Suite.Name`.
  bool operator==(const RegistryShapeAssertion &O) const {
    return Stmt == O.Stmt && Registry == O.Registry && Test == O.Test;
  }
};

/// A gtest assertion that a text exposition shows a series at a value:
/// `EXPECT_THAT(text, HasSubstr("x_total{k=\"v\"} 7"))`,
/// `EXPECT_NE(text.find("x_total 7"), std::string::npos)`.
struct ExpositionAssertion {
  SourceSpan Stmt;    ///< The macro's whole invocation, `;` aside.
  SourceSpan Text;    ///< The text searched, as written (`first`, `m.scrape()`).
  SourceSpan Literal; ///< The string literal searched for, as written.
  std::string Line;   ///< Its value: `x_total{k="v"} 7`.
  /// Just after the test body's `{`: where the value before is read.
  unsigned BodyStart = 0;
  std::string Test; ///< `Suite.Name`.
};

/// `using testing_utils::StubMetricsService;` and other declarations that
/// only name a test double.
struct DoubleMention {
  SourceSpan Decl;
  std::string Double;
};

/// Everything but the catalog that the rewriters need, from every TU.
/// A metric registered anywhere in the project: a builder chain's
/// `.Name("..")` (the service's own, and any other). Two registrations of one
/// name throw at startup.
struct Registration {
  std::string Name; ///< The Prometheus name, when a literal.
  MetricKind Kind = MetricKind::Counter;
  std::string Help;
  std::vector<std::string> LabelNames; ///< From `.Labels({..})`, sorted.
  SourceSpan Loc;   ///< The `.Name(..)` call.
  std::string EnclosingFunction;
};

/// `std::chrono::system_clock::now()` in a function that records: a
/// duration measured on a clock that can jump.
struct WallClockRead {
  SourceSpan Loc;
  std::string EnclosingFunction;
  /// The clock as the call names it: `system_clock`, or an alias of it
  /// (`high_resolution_clock` in libstdc++, a project's `Clock`).
  std::string Clock = "system_clock";
};

/// A recording followed, in the same block, by something that can fail
/// after it: the metric then counts work that did not happen (a counter
/// incremented before the flush it counts).
struct RecordBeforeFailure {
  SourceSpan Record;  ///< The recording call.
  SourceSpan Failure; ///< The `throw`, or the failure check.
  std::string What;   ///< `throw`, or the call whose failure is checked.
  std::string EnclosingFunction;
};

/// A registry handed to a function's parameter: the function, the
/// parameter's index, and the `std::make_shared<prometheus::Registry>()`
/// initializing what is handed (Init). Without Init: a parameter whose value
/// the function hands on to the service's constructor.
struct RegistryHandOff {
  std::string Callee; ///< Qualified, as InjectionPoint::Owner.
  unsigned Index = 0;
  SourceSpan Init;
  bool operator==(const RegistryHandOff &O) const {
    return Callee == O.Callee && Index == O.Index && Init == O.Init;
  }
  bool operator<(const RegistryHandOff &O) const {
    return std::tie(Callee, Index, Init) < std::tie(O.Callee, O.Index, O.Init);
  }
};

/// `class Metrics;` in a project file: a declaration of the service or of
/// one of its interfaces that is not its definition. It goes once the
/// migration leaves its file naming the class nowhere else.
struct ForwardDeclaration {
  std::string Class; ///< Qualified.
  /// What goes: the declaration with its `;`, or the whole namespace block
  /// written around it alone (`namespace telemetry { class Metrics; }`).
  SourceSpan Decl;
};

/// The branch of an `#if`, `#ifdef`, `#ifndef`, `#elif` or `#else` this
/// build compiled, in a project file (include guards aside): code there is
/// compiled in one configuration only (`#ifdef WITH_PROMETHEUS`).
struct ConditionalRegion {
  SourceSpan Branch;     ///< From its directive to the directive ending it.
  std::string Condition; ///< As written: `defined(WITH_PROMETHEUS)`, `!HAVE_X`.
  /// For `defined(X)` (or its negation): the project file whose `#define X`
  /// held when the branch was read (`config.h`); "" when the command line
  /// defines it, or nothing does.
  std::string DefinedIn;
  /// Project files (relative) the branch includes.
  std::vector<std::string> Includes;
};

/// A name an interface declares besides its methods (a nested enum, class or
/// alias, a static constant) or a static method of it, named outside the
/// interface (`StatsSink::Outcome::Accepted`). The interface stays, without
/// the wrappers that went, while one of these is left.
struct InterfaceMention {
  std::string Interface; ///< Qualified.
  std::string Name;      ///< What is named, as declared (`Outcome`).
  SourceSpan Loc;        ///< The name as written.
};

struct Facts {
  std::vector<ServiceVar> ServiceVars;
  std::vector<Expectation> Expectations;
  std::vector<DoubleMention> DoubleMentions;
  std::vector<ArgumentSite> ArgumentSites;
  std::vector<FunctionValue> FunctionValues;
  std::vector<MemberInit> MemberInits;
  std::vector<NullGuard> NullGuards;
  std::vector<ThisCapture> ThisCaptures;
  std::vector<Registration> Registrations;
  std::vector<WallClockRead> WallClockReads;
  std::vector<RecordBeforeFailure> RecordsBeforeFailure;
  /// Project files seen (relative paths), sorted.
  std::vector<std::string> Files;
  /// UPPER_SNAKE_CASE identifiers declared per file: what a new constant
  /// could clash with.
  std::map<std::string, std::vector<std::string>> UpperSnakeNames;
  /// How the project's `#include` lines spell each header they include
  /// through the include path (`<ingestd/pipeline/batcher.hpp>`,
  /// `"metrics/registry.h"`), delimiters included; includes relative to the
  /// including file's own directory are not listed. Of several spellings,
  /// the least in byte order.
  std::map<std::string, std::string> IncludeSpellings;
  /// Where the project's includes resolve from, with how many resolve so:
  /// a folder on the include path (`""` for the root, `"include/"`), or
  /// `"."` for a spelling relative to the including file's folder that
  /// names a folder (`"../common/ctx.h"`). What a new include follows.
  std::map<std::string, uint64_t> IncludeRoots;
  /// Per project file: the project's folders (`""` for the root,
  /// `"include/"`) on the include path of every TU that read it, sorted:
  /// where an `#include` written in that file resolves from, besides the
  /// file's own folder. A file not listed is not known (any root may do).
  std::map<std::string, std::vector<std::string>> SearchRoots;
  /// `std::make_shared<prometheus::Registry>()` initializing a variable or
  /// field whose registry is handed to the service's constructor (a test
  /// building the service on a registry of its own, and reading it): once
  /// the metrics move to registry.expr, so must that registry.
  std::vector<SourceSpan> GivenRegistries;
  /// Registries handed one step further: a function handing its parameter
  /// on to the service (no Init), and calls handing it such a registry
  /// (Init): those registries are given to the service too.
  std::vector<RegistryHandOff> RegistryHandOffs;
  std::vector<ForwardDeclaration> ForwardDeclarations;
  std::vector<InterfaceMention> InterfaceMentions;
  /// `using namespace ns;` or `namespace a = ns;` of the service's own
  /// namespace, in a project file: that file needs a header declaring the
  /// namespace, such as the service's, even once it names nothing else of it.
  std::vector<SourceSpan> ServiceNamespaceUses;
  std::vector<ConditionalRegion> ConditionalRegions;
  std::vector<ValueAssertion> ValueAssertions;
  std::vector<ExpositionAssertion> ExpositionAssertions;
  std::vector<RegistryShapeAssertion> RegistryShapeAssertions;
};

/// How a new `#include` of the project file \p File is spelled in
/// \p Includer: as the project already spells it, else as most of the
/// project's includes resolve (Facts::IncludeRoots; relative to the
/// includer only when \p Includer is given), else `"File"` (root-relative).
/// With \p Includer, only spellings that resolve with the include path of
/// every TU reading it (Facts::SearchRoots) count; when none does, the path
/// relative to its folder (`"../src/x.h"`) always does.
std::string includeSpelling(const Facts &F, llvm::StringRef File,
                            llvm::StringRef Includer = "");

/// A gmock matcher that accepts any value: `_`, `testing::_`, `::testing::_`.
bool isGmockWildcard(llvm::StringRef Arg);

} // namespace mm

#endif // METRICS_MIGRATE_CORE_SCAN_H
