//===--- Catalog.h - What the service is and who calls it -------*- C++ -*-===//
//
// Plain data, no Clang AST: the service class, its metrics and wrappers, the
// interfaces and test doubles around it, where it is injected and every call
// of a wrapper (Catalog), as core/Merge.h builds it from every TU's partial
// one. What `metrics-migrate catalog` prints.
//
//===----------------------------------------------------------------------===//

#ifndef METRICS_MIGRATE_CORE_CATALOG_H
#define METRICS_MIGRATE_CORE_CATALOG_H

#include "core/BodyTemplate.h"
#include "core/Span.h"

#include "llvm/ADT/StringRef.h"

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace mm {

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

llvm::StringRef toString(MetricKind K);
llvm::StringRef toString(FieldStyle S);
llvm::StringRef toString(InitStyle S);
llvm::StringRef toString(BodyKind K);
llvm::StringRef toString(InjectionKind K);
llvm::StringRef toString(Holder H);
llvm::StringRef toString(DoubleKind K);

/// \p M's builder chain registering on \p Registry instead, with the
/// `.Add(..)` that made its child when it is one: on a registry that merges
/// (prometheus-cpp's default), the family or child \p M is there.
std::string rebuiltChain(const Metric &M, llvm::StringRef Registry);

} // namespace mm

#endif // METRICS_MIGRATE_CORE_CATALOG_H
