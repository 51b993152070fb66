//===--- Types.h - The vocabulary every stage shares ------------*- C++ -*-===//
//
// Plain data, no Clang AST: what the matchers learn about a codebase (Facts,
// per translation unit) and what the catalog stage makes of them (Catalog).
// Locations are file + line/column + offset/length, so later stages can run
// without parsing and can be serialized (see JSON.h).
//
//===----------------------------------------------------------------------===//

#ifndef METRICS_MIGRATE_CORE_TYPES_H
#define METRICS_MIGRATE_CORE_TYPES_H

#include "core/BodyTemplate.h"

#include "llvm/ADT/StringRef.h"
#include "llvm/Support/raw_ostream.h"

#include <map>
#include <optional>
#include <string>
#include <tuple>
#include <vector>

namespace mm {

/// A range of source text. `File` is relative to the project root when the
/// file lies under it (absolute otherwise, e.g. system headers).
struct SourceSpan {
  std::string File;
  unsigned Line = 0;
  unsigned Column = 0;
  unsigned Offset = 0;
  unsigned Length = 0;

  bool valid() const { return !File.empty(); }
  auto key() const { return std::tie(File, Offset, Length); }
  /// \p Inner lies within this span (the same file, between its ends).
  bool contains(const SourceSpan &Inner) const {
    return File == Inner.File && Offset <= Inner.Offset &&
           Inner.Offset + Inner.Length <= Offset + Length;
  }
  friend bool operator<(const SourceSpan &A, const SourceSpan &B) {
    return std::tie(A.File, A.Offset, A.Length, A.Line, A.Column) <
           std::tie(B.File, B.Offset, B.Length, B.Line, B.Column);
  }
  friend bool operator==(const SourceSpan &A, const SourceSpan &B) {
    return A.key() == B.key();
  }
};

enum class MetricKind { Counter, Gauge, Histogram, Summary };

/// How the service holds a metric.
enum class FieldStyle {
  FamilyRef, ///< prometheus::Family<T>&
  FamilyPtr, ///< prometheus::Family<T>*
  ChildRef,  ///< T& (a child already added to its family)
  ChildPtr,  ///< T*
};

/// Where the field gets its value.
/// MethodBody: an assignment in a set-up method of the service (an
/// `initialize()` called once), not in a constructor.
enum class InitStyle { MemberInitializer, ConstructorBody, DefaultInitializer, MethodBody };

enum class BodyKind { SingleExpression, MultiStatement, Other };

/// FunctionTypeParam: a parameter of the signature of a `std::function`
/// type written in the project (`std::function<R(const Cfg&,
/// std::shared_ptr<Metrics>)>`), whose Owner is that type (FunctionValue).
enum class InjectionKind { ConstructorParam, Field, FunctionParam, FunctionTypeParam };

/// How an injected service is held: `T&`, `T*`, `std::shared_ptr<T>`...
enum class Holder { Reference, Pointer, SharedPtr, UniquePtr, Value };

enum class DoubleKind { Stub, Mock };

/// The family field a child was taken from (`family_` in
/// `child_ = &family_->Add({})`). When the child is the only one taken from
/// it and nothing else records the family, the catalog folds the family
/// into the child: its declaration and set-up then go where the child goes.
struct TakenFrom {
  std::string Field;
  SourceSpan FieldDecl; ///< Valid once folded.
  SourceSpan InitSite;
  InitStyle Init = InitStyle::MemberInitializer;
};

/// A child field taken from a family field the service also holds, beside
/// other children of it (`ok_ = &family_->Add({{"result", "ok"}})`): when
/// the family moves, each child becomes a constant of its own defined right
/// after the family's, so it is still created up front and recorded
/// without a lookup.
struct ChildField {
  std::string Field;
  std::string Args;     ///< The `.Add(..)` arguments, as written.
  bool Pointer = false; ///< Held as `T*`: `c_->` becomes `C.`.
  SourceSpan FieldDecl;
  SourceSpan InitSite;
  InitStyle Init = InitStyle::MemberInitializer;
};

/// A statement of the constructor or of a set-up method that does nothing
/// but work on one family field (`door_state_.Add({{"state", s}}).Set(0);`
/// in a loop over literals, `alarms_.Add({{"outcome", "fired"}});`): the
/// series it creates up front, so they are exposed before first use. It goes
/// where the family goes and runs once, as the family's constant is
/// initialized.
struct SetUpStatement {
  SourceSpan Site; ///< The whole statement, its `;` included.
  std::string Text; ///< As written.
  /// Where Text names the family with its member access (`door_state_.`,
  /// `this->fam_->`): each becomes the local holding the family.
  std::vector<std::pair<unsigned, unsigned>> FamilyUses;
};

/// Another place that sets the very family or child a metric field holds:
/// the field assigned again with the same chain (FieldDecl not valid), or
/// another field registered in the same function under the same name, kind
/// and constant labels, which prometheus-cpp hands the family registered
/// first. It goes where the metric goes.
struct AlsoSet {
  std::string Field;
  SourceSpan FieldDecl; ///< Valid for another field.
  SourceSpan InitSite;
  InitStyle Init = InitStyle::MemberInitializer;
};

/// A header code copied out of the service's files needs, and the names
/// it is needed for: a file the code lands in includes it when the text
/// landing there spells one of them.
struct NeededHeader {
  /// `<cstring>` or `"vendor/x.h"` as spelled, or a project path
  /// (`src/dialogue/fsm.hpp`) to spell from the including file.
  std::string Header;
  std::vector<std::string> Names; ///< Sorted.
  bool operator==(const NeededHeader &O) const {
    return Header == O.Header && Names == O.Names;
  }
};

struct Metric {
  std::string Name; ///< Prometheus name.
  MetricKind Kind = MetricKind::Counter;
  std::string Help;
  /// Label names used when adding children (`Add({{"op", ..}})`), sorted.
  std::vector<std::string> LabelNames;
  /// Constant labels from `.Labels({..})`, as written.
  std::vector<std::pair<std::string, std::string>> ConstLabels;
  /// Bucket boundaries when they are known constants.
  std::vector<double> Buckets;
  /// Source text of the bucket argument, when there is one.
  std::string BucketsText;
  std::string Field;     ///< C++ member name.
  std::string FieldType; ///< As written, e.g. `prometheus::Family<prometheus::Counter> &`.
  FieldStyle Style = FieldStyle::FamilyRef;
  InitStyle Init = InitStyle::MemberInitializer;
  SourceSpan FieldDecl;
  SourceSpan InitSite;
  /// `prometheus::BuildCounter().Name(..).Help(..).Register(..)` as written.
  std::string BuilderChain;
  /// Where `.Register` begins in BuilderChain, however the house style
  /// spaces it (`.Register (..)`): the length of the chain before it.
  unsigned RegisterAt = 0;
  /// The argument of `.Register(..)` as written.
  std::string RegistryArg;
  /// The function the field is set from when that is not a chain written
  /// in place (`makeCounterFamily(*registry_, "x_total", "..")`): the chain
  /// above spells out its body; without one, the name could not be read.
  std::string BuiltBy;
  /// For pre-labelled children: the arguments of the `.Add(..)` that made
  /// the child, as written (`{}` or `{{"k", "v"}}, buckets`).
  std::optional<std::string> ChildArgs;
  /// File-local constants the builder chain uses (bucket boundaries...):
  /// name -> definition as written. They travel with the metric.
  std::map<std::string, std::string> LocalConstants;
  /// The headers what travels with it (its chain, set-up statements and
  /// constants) names: the file it is defined in includes them.
  std::vector<NeededHeader> Includes;
  /// For a child taken from a family field.
  std::optional<TakenFrom> Family;
  /// For a family: the children taken from it into fields of their own,
  /// which the catalog grouped into it (their uses are metric holes `NAME#field`).
  std::vector<ChildField> Children;
  /// Where the same family or child is set again (see AlsoSet), its own and
  /// those of the family folded or the children grouped into it.
  std::vector<AlsoSet> SetAgain;
  /// The statements creating its series up front (families only).
  std::vector<SetUpStatement> SetUp;
  /// A statement of the constructor or a set-up method using the field in
  /// a way that cannot move with it (naming a parameter or another member,
  /// keeping what it hands back): the metric stays.
  SourceSpan OtherUse;
  /// Set by two different chains (`x_ = Build..Name("a")..` in one method,
  /// `..Name("b")..` in another): which one holds depends on the order they
  /// run, so it is not moved.
  bool SetTwoWays = false;
  /// What its chain reads that is known only when the service is built, in
  /// words (`` `labels`, a parameter of MetricsExporter's constructor ``),
  /// and where: a constant at namespace scope cannot read it, so it is not
  /// moved. Empty when nothing.
  std::string RuntimeRead;
  SourceSpan RuntimeReadAt;
};

struct Param {
  std::string Name;
  std::string Type;
  std::string Default; ///< Empty when there is none.
};

/// A map member of the service a wrapper kept children in
/// (Wrapper::DroppedCaches).
struct CacheField {
  std::string Field;
  SourceSpan Decl;
};

/// One recording a wrapper's body makes: `metric[.Add(labels)](.|->)Op(value)`.
struct BodyRecording {
  /// The metric recorded on: a field (one translation unit's facts), then
  /// its Prometheus name or `name#childField` (the catalog), as the
  /// template's metric holes name it.
  std::string Metric;
  /// The arguments of the `Add(..)` taking the child recorded on, if any.
  std::optional<BodyTemplate> Labels;
  std::string Op;     ///< `Increment`, `Decrement`, `Set`, `Observe`, ...
  BodyTemplate Value; ///< Its arguments as written; empty for none.
};

/// `if (Left Op Right) return;` in a wrapper's body: for some arguments it
/// records nothing.
struct ReturnGuard {
  BodyTemplate Left;
  std::string Op; ///< `<`, `<=`, `>`, `>=`, `==` or `!=`.
  BodyTemplate Right;
};

/// `case X: var = "x";`, as written.
struct LabelCase {
  std::string Label;
  std::string Literal;
};

/// `switch (param) { case X: var = "x"; break; .. }` in a wrapper's body: a
/// parameter mapped to a label value through a local (its uses are local
/// holes of the template).
struct LabelSwitch {
  std::string Param;
  std::string Variable;
  std::vector<LabelCase> Cases;
};

struct Wrapper {
  std::string Name;
  /// Name plus parameter types, the key call sites are matched by.
  std::string Signature;
  std::vector<Param> Params;
  std::string ReturnType;
  /// Prometheus names of the metrics the body touches, sorted.
  std::vector<std::string> Metrics;
  /// For each metric of Metrics the body records on: the methods it calls
  /// on it or on its children (`Increment`, `Decrement`, `Set`, `Observe`),
  /// sorted. A gauge only ever `Set` holds a value; one incremented or
  /// decremented accumulates, as a counter does.
  std::map<std::string, std::vector<std::string>> Operations;
  BodyKind Body = BodyKind::Other;
  /// The body between its braces, as written.
  std::string BodyText;
  /// BodyText with holes for its parameters and metric fields (only the
  /// recording a null check guarded, or the one a cache fed, when so).
  BodyTemplate Template;
  /// What the Template records, and what decides whether it does.
  std::vector<BodyRecording> Recordings;
  std::vector<ReturnGuard> Guards;
  std::vector<LabelSwitch> LabelSwitches;
  /// The Template returns, or switches, other than through Guards and
  /// LabelSwitches.
  bool OtherBranches = false;
  bool Overrides = false; ///< Declared in an interface.
  /// The body uses other members of the service (state, methods): it cannot
  /// leave the class.
  bool UsesServiceState = false;
  /// Maps of the service the body kept its children in, by label values
  /// (`cache_.find(key)`, then `family_->Add(..)` on a miss). The Template
  /// records through `Add` alone: prometheus-cpp hands back the child it
  /// holds for equal labels.
  std::vector<CacheField> DroppedCaches;
  /// File-local constants of the service's files the body uses: name ->
  /// definition as written. Each calling file gets its own copy.
  std::map<std::string, std::string> LocalConstants;
  /// The headers the body and its constants name: each file it is inlined
  /// into or copied to includes those its text there names.
  std::vector<NeededHeader> Includes;
  SourceSpan Decl;
  SourceSpan Definition;
};

/// A class through which the service is reached: the service itself or one
/// of its polymorphic bases.
/// A method declared in an interface or a test double: what removes it.
struct MethodDecl {
  std::string Signature;
  SourceSpan Loc; ///< The declaration (a `MOCK_METHOD(..)` as a whole).
};

struct Interface {
  std::string Name; ///< Fully qualified.
  bool Abstract = false;
  SourceSpan Loc;
  std::vector<MethodDecl> Methods; ///< User-declared, destructors aside.
};

struct TestDouble {
  std::string Name; ///< Fully qualified.
  DoubleKind Kind = DoubleKind::Stub;
  std::string Base;
  std::vector<std::string> Methods; ///< Wrappers it overrides or mocks, sorted.
  SourceSpan Loc;
  std::vector<MethodDecl> Decls; ///< The declarations of Methods.
};

struct InjectionPoint {
  InjectionKind Kind = InjectionKind::ConstructorParam;
  std::string Owner; ///< Class (ctor params, fields) or function, qualified.
  std::string Name;  ///< Parameter or field name.
  std::string Type;  ///< As written.
  std::string Interface; ///< The interface or service class it names.
  Holder How = Holder::Reference;
  std::string Default; ///< Default argument, if any.
  unsigned Index = 0;  ///< Parameter index (params only).
  SourceSpan Loc;
  /// For a constructor parameter: how many parameters the constructor has,
  /// and where `explicit ` goes on its declaration in the class (Length 0)
  /// when it is not explicit and the project writes its one-parameter
  /// constructors explicit; invalid otherwise. Left with one parameter, it
  /// becomes explicit.
  unsigned Params = 0;
  SourceSpan ExplicitAt;
};

struct CallSite {
  SourceSpan Loc; ///< The whole call expression.
  /// The statement the call is the whole of, with its `;`, when it stands
  /// in a block, or under a `case` label or as the unbraced body of an
  /// `if`, `else` or loop (StatementNeedsBraces): what a recording compiled
  /// in one configuration only is put under the condition by. Invalid
  /// otherwise.
  SourceSpan Statement;
  bool StatementNeedsBraces = false;
  /// Local variables its arguments name, declared in a statement of their
  /// own in a block: where that statement begins (Length 0), and every
  /// place the function reads them (assigning or stepping is no read).
  /// A recording put under a condition marks `[[maybe_unused]]` those
  /// read nowhere but in what goes under it.
  struct ArgumentLocal {
    SourceSpan Decl;
    std::vector<SourceSpan> Reads;
    bool operator==(const ArgumentLocal &O) const { return Decl == O.Decl && Reads == O.Reads; }
  };
  std::vector<ArgumentLocal> ArgumentLocals;
  std::string Wrapper;
  std::string Signature;
  std::string Receiver; ///< Source text of the object, e.g. `metrics_`.
  bool Arrow = false;   ///< Called through `->`.
  std::vector<std::string> Args; ///< Source text of each argument written.
  /// Indices of the arguments that name a parameter of the enclosing
  /// function, or a member of one: values that come from the caller.
  std::vector<unsigned> ParamArgs;
  std::string EnclosingFunction;
  /// The innermost named, non-inline namespace of the enclosing function
  /// (`shop::services`), "" at global scope: what it sees unqualified.
  std::string Namespace;
  std::string Module; ///< File path without extension: `services/kit_service`.
  /// The project header defining the class of the enclosing method when its
  /// module is not the call's (`net/grpc_pool.h` for a method of GrpcPool
  /// defined in `net/ingestion_pool.cpp`): where that module's declarations go.
  std::string ClassHeader;
  bool InMacro = false;
  /// For a call in a macro expansion: the macro, and the call as written in
  /// its definition when it is wholly spelled there (receiver and method
  /// name included; arguments may be the macro's parameters), with its
  /// arguments as written there. MacroDefinition is invalid otherwise.
  std::string Macro;
  SourceSpan MacroDefinition;
  std::vector<std::string> MacroArgs;
  /// When the object called on is a parameter of the macro used for
  /// nothing else (`#define COUNT(t, why) (t).Record(why)`): that parameter
  /// in the `#define`'s list, and the argument given for it here
  /// (`metrics_` in `COUNT(metrics_, "x")`). The rewritten definition needs
  /// neither: both go, with their commas. MacroDefinition is then the call
  /// as the definition spells it, object included.
  SourceSpan MacroReceiverParam;
  SourceSpan MacroReceiverArg;
  bool InLambda = false;
  /// Called on a parameter of the lambda or function it is in, or on what
  /// is reached through one (`[&](auto& m) { m.record(..); }`,
  /// `env->stats->record(..)`; not a parameter holding the service, which
  /// is an injection point): the parameter's name, and how many times the
  /// body names it. When every one of those is a call that is rewritten,
  /// the name goes (`auto& /*m*/`), as nothing uses it any more.
  SourceSpan ReceiverParam;
  unsigned ReceiverParamUses = 0;
  bool InTemplate = false;
  /// In test code: a file only TUs including a test framework read. Set
  /// when the catalog is built from every TU (buildCatalog).
  bool InTest = false;
  /// Not a call: the method is named (`&Service::RecordX`) to be called
  /// later through a member-function pointer or `std::bind`. Args is empty.
  bool AddressTaken = false;
  /// A class deriving from the service (qualified) that calls a wrapper it
  /// inherits and does not override: the wrapper must stay for it.
  std::string DerivedCaller;
  /// Called on an object of the service class itself (not an interface or a
  /// double) in the body of a gtest test: a test of the service's own
  /// wrappers. The body with its braces, and the test as `Suite.Name`.
  SourceSpan ServiceTest;
  std::string TestName;
  /// Set by the catalog: that body also calls methods of the service that
  /// are not wrappers (`PollOnce()`, `registry()`).
  bool ServiceTestCallsMore = false;
  /// Written in a branch the preprocessor skipped (`#if` not taken under
  /// this build's flags): found by its text, never parsed. Loc spans the
  /// wrapper's name; Receiver is the identifier before its `.` or `->`
  /// (`metrics_`), if one; Args and the macro fields are empty.
  bool Inactive = false;
};

/// Where a file-local constant of the service's files that a builder chain
/// or a wrapper uses is defined (namespace scope only), so the original can
/// go once the migration leaves nothing there using it.
struct LocalConstantSite {
  std::string Name;
  SourceSpan Decl;      ///< The definition, from its first token to its last.
  SourceSpan Namespace; ///< The anonymous namespace around it, if any.
  /// A `const` data member of the service with its value written in the
  /// class (copied to namespace scope where a moved chain or body uses it).
  bool Member = false;
  /// For a member whose value its only constructor gives
  /// (`mBounds{0.1, 0.5}` in its initializer list): that initializer,
  /// which goes with the member.
  SourceSpan Initializer;
};

/// The service class as found.
struct Service {
  std::string Name; ///< Fully qualified.
  std::string Namespace;
  SourceSpan Loc;
  std::string Header; ///< File of the class definition.
  std::string Source; ///< File of the constructor definition.
  /// Methods that touch no metric and stay (polling, accessors), sorted.
  std::vector<std::string> KeptMethods;
  /// The member holding the service's own `prometheus::Registry` (through a
  /// `std::shared_ptr`), and the initializer expression giving it a value
  /// (inside the parentheses or braces of `m_registry(..)`).
  std::string RegistryField;
  SourceSpan RegistryInit;
  /// The name of the constructor's parameter that RegistryInit alone uses
  /// (`registry` in `m_registry(std::move(registry))`), if one.
  SourceSpan RegistryParam;
  /// Names declared at namespace scope in the service's header (the service,
  /// its interfaces, enums, helpers): a file naming none of them after the
  /// migration no longer needs the header.
  std::vector<std::string> HeaderNames;
  /// Definitions of the constants in Metric::LocalConstants and
  /// Wrapper::LocalConstants, sorted by location.
  std::vector<LocalConstantSite> LocalConstants;
  /// What building the service does besides its metrics, in words, sorted:
  /// a destructor with a body (`its destructor`), a field that is no metric
  /// and no registry of a type with a destructor of its own (`field
  /// exposer_`). Removing where it is built would lose them.
  std::vector<std::string> Effects;
};

/// Everything later stages need, as printed by `metrics-migrate catalog`.
struct Catalog {
  Service TheService;
  std::vector<Interface> Interfaces;
  std::vector<TestDouble> TestDoubles;
  std::vector<Metric> Metrics;
  std::vector<Wrapper> Wrappers;
  std::vector<InjectionPoint> InjectionPoints;
  std::vector<CallSite> CallSites;
};

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

/// The hash of a file's bytes that facts record (TUFacts::ReadHashes) and
/// writes check: xxh3, in hex.
std::string contentHash(llvm::StringRef Bytes);

/// How a new `#include` of the project file \p File is spelled in
/// \p Includer: as the project already spells it, else as most of the
/// project's includes resolve (Facts::IncludeRoots; relative to the
/// includer only when \p Includer is given), else `"File"` (root-relative).
/// With \p Includer, only spellings that resolve with the include path of
/// every TU reading it (Facts::SearchRoots) count; when none does, the path
/// relative to its folder (`"../src/x.h"`) always does.
std::string includeSpelling(const Facts &F, llvm::StringRef File,
                            llvm::StringRef Includer = "");

llvm::StringRef toString(MetricKind K);
llvm::StringRef toString(FieldStyle S);
llvm::StringRef toString(InitStyle S);
llvm::StringRef toString(BodyKind K);
llvm::StringRef toString(InjectionKind K);
llvm::StringRef toString(Holder H);
llvm::StringRef toString(DoubleKind K);

llvm::raw_ostream &operator<<(llvm::raw_ostream &OS, const SourceSpan &S);

/// `services/kit_service.cpp` -> `services/kit_service`.
std::string moduleOf(llvm::StringRef File);

/// \p M's builder chain registering on \p Registry instead, with the
/// `.Add(..)` that made its child when it is one: on a registry that merges
/// (prometheus-cpp's default), the family or child \p M is there.
std::string rebuiltChain(const Metric &M, llvm::StringRef Registry);

/// Extensions of C++ headers and of C++ sources, in the order a module's
/// files are looked for; and of the other files clang-format and
/// HeaderIncludes read as C or C++ (included fragments, module units, C).
/// The one table of them.
inline constexpr const char *HeaderExtensions[] = {".h", ".hpp", ".hh", ".hxx", ".h++", ".H"};
inline constexpr const char *SourceExtensions[] = {".cpp", ".cc", ".cxx", ".c++", ".C"};
inline constexpr const char *OtherCxxExtensions[] = {".c",   ".inc",  ".inl", ".ipp",
                                                     ".tpp", ".cppm", ".ixx"};

/// True for a file with one of HeaderExtensions.
bool isHeaderFile(llvm::StringRef File);
/// True for a file with any of the extensions above.
bool isCxxFile(llvm::StringRef File);

/// A gmock matcher that accepts any value: `_`, `testing::_`, `::testing::_`.
bool isGmockWildcard(llvm::StringRef Arg);

/// True for the main header of a test framework (`gtest/gtest.h`,
/// `gmock/gmock.h`, Catch2, doctest, Boost.Test), wherever it is installed:
/// a TU including one is test code.
bool isTestFrameworkHeader(llvm::StringRef Path);

} // namespace mm

#endif // METRICS_MIGRATE_CORE_TYPES_H
