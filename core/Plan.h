//===--- Plan.h - What the migration will do --------------------*- C++ -*-===//
//
// The planner's output (planner/Planner.h), plain data: the fate of every
// metric (moved to an owner module, shared, kept in the service, dead), its
// constant's name and definition, how each wrapper is replaced, and which
// injection points go. Rewriters turn a Plan into Edits; the report reads it.
//
//===----------------------------------------------------------------------===//

#ifndef METRICS_MIGRATE_CORE_PLAN_H
#define METRICS_MIGRATE_CORE_PLAN_H

#include "core/Edit.h"
#include "core/Types.h"

#include <map>
#include <optional>
#include <string>
#include <tuple>
#include <vector>

namespace mm {

enum class MetricFate {
  Moved,  ///< Recorded by one production module: moves there.
  Shared, ///< Recorded by several: moves to the one with most call sites.
  Kept,   ///< Recorded only by the service itself (e.g. polling): stays.
  Dead,   ///< Recorded by nobody: stays, listed.
};

enum class WrapperFate {
  Inline, ///< Single expression: substituted at every call site.
  Helper, ///< Longer body: a file-local function in each calling module.
  Keep,   ///< Touches only kept metrics, or nobody calls it from outside.
};

/// A child field of a moving family (Metric::Children): its own constant,
/// defined right after the family's from `FAMILY.Add(args)`.
struct ChildPlan {
  std::string Field;
  std::string Constant;
  bool Pointer = false; ///< The field was a pointer: `c_->` becomes `C.`.
};

struct MetricPlan {
  std::string Name;  ///< Prometheus name.
  std::string Field; ///< The service member it was.
  MetricFate Fate = MetricFate::Moved;
  std::string Reason;    ///< Why kept when others record it, in words.
  LeftBecause Cause = LeftBecause::Other; ///< Why kept, as a pattern.
  std::string Constant;  ///< UPPER_SNAKE_CASE, suffixed on a clash.
  /// The identifier already declared in a file that would see the
  /// constant, which forced the suffix; empty without a clash.
  struct Clash {
    std::string Name, File;
    bool empty() const { return Name.empty(); }
  } ClashWith;
  std::string Owner;     ///< Module (path without extension).
  std::string OwnerSource, OwnerHeader; ///< Files of the owner module.
  std::vector<std::string> Users;       ///< Other recording modules, sorted.
  unsigned OwnerSites = 0; ///< Production call sites in the owner.
  std::string Namespace;   ///< Where the constant lives: the owner's code's.
  std::string Type;        ///< `prometheus::Family<prometheus::Counter>&`...
  /// `Type NAME = <chain>.Register(<registry>)[.Add(..)];`
  std::string Definition;
  /// `extern Type NAME;`
  std::string Declaration;
  bool Pointer = false; ///< The field was a pointer: `f_->` becomes `NAME.`.
  /// Moved: the children taken from the family into fields of their own.
  std::vector<ChildPlan> Children;
};

struct WrapperPlan {
  std::string Name;
  std::string Signature;
  WrapperFate Fate = WrapperFate::Inline;
  std::string Reason; ///< Why a helper or kept, in words.
  LeftBecause Cause = LeftBecause::Other; ///< Why kept, as a pattern.
  /// Call sites that cannot be rewritten and keep the wrapper in place.
  std::vector<ManualItem> Blockers;
  /// The helper function's definition (Fate == Helper), metric holes filled.
  std::string HelperDefinition;
};

/// One choice of the plan that verification can take back: a wrapper that
/// leaves the service (by signature), a metric that moves (by name), the
/// injection of one owner (class or function) that is stripped, or one
/// edit that no such choice answers for (a rule's clean-up, made whatever
/// the plan): Key names the edit (verify/Trace.h: editDecision), Label
/// says it in words.
struct PlanDecision {
  enum class Kind { Wrapper, Metric, Injection, Edit };
  Kind K = Kind::Wrapper;
  std::string Key;
  std::string Label; ///< Kind::Edit: the edit, in words. Not part of its identity.

  PlanDecision() = default;
  PlanDecision(Kind K, std::string Key, std::string Label = "")
      : K(K), Key(std::move(Key)), Label(std::move(Label)) {}

  /// `wrapper Record(int)`, `metric x_total`, `injection of Owner`,
  /// `the edit `origin` at file:line`, `the deletion of file`.
  std::string describe() const;
  friend bool operator<(const PlanDecision &A, const PlanDecision &B) {
    return std::tie(A.K, A.Key) < std::tie(B.K, B.Key);
  }
  friend bool operator==(const PlanDecision &A, const PlanDecision &B) {
    return A.K == B.K && A.Key == B.Key;
  }
};

/// A decision taken back because its edits did not compile: the wrapper,
/// metric or injection stays as it is, and Item (Clang's error and the edit
/// that caused it) is left for a human.
struct Demotion {
  PlanDecision Decision;
  ManualItem Item;
};

/// A test of the service's own wrappers (CallSite::ServiceTest) that names
/// the service only to call wrappers that all leave it: what it checked is
/// now the callers' to record, and its values would add up with every other
/// test's on the process-wide registry. Its body becomes a check that each
/// metric those wrappers recorded is registered there, as its constant.
struct ServiceTestPlan {
  SourceSpan Body;
  std::string Name;                  ///< `Suite.Name`.
  std::vector<std::string> Wrappers; ///< Called there, sorted.
  std::vector<std::string> Metrics;  ///< What they recorded (names), sorted.
  std::string NewBody;               ///< With its braces.
};

/// The service is compiled in one configuration only: its class, or every
/// `#include` of its header, sits in a branch of one condition
/// (`#ifdef HAVE_PROMETHEUS`). What the migration writes for it goes under
/// the same condition, so the configuration without it builds as before.
struct OptionalBuild {
  std::string Condition; ///< As recorded: `defined(HAVE_PROMETHEUS)`.
  std::string Open;      ///< The directive: `#ifdef HAVE_PROMETHEUS`, `#if A && B`.
  /// The project header defining its macro (`config.h`), which a file
  /// testing it must include first; "" when the command line defines it.
  std::string DefinedIn;
  /// The compiler flags that build the configuration without the service
  /// (`-UHAVE_PROMETHEUS`, or `without_service_flags`): verification
  /// parses every affected TU with them too.
  std::vector<std::string> WithoutFlags;
  /// A recording statement put under it: a statement of its own, or a
  /// whole null check that only records.
  struct Unit {
    SourceSpan Span;
    /// The unbraced body of an `if`, `else` or loop: braces go around it.
    bool Braces = false;
    friend bool operator<(const Unit &A, const Unit &B) { return A.Span < B.Span; }
    friend bool operator==(const Unit &A, const Unit &B) {
      return A.Span == B.Span && A.Braces == B.Braces;
    }
  };
  /// Sorted, none inside another.
  std::vector<Unit> Statements;
};

struct Plan {
  std::vector<MetricPlan> Metrics;   ///< Sorted by name.
  std::vector<WrapperPlan> Wrappers; ///< Sorted by name.
  std::vector<InjectionPoint> Strip; ///< Injection points that go.
  std::vector<InjectionPoint> Keep;  ///< Those that stay (still used).
  /// Why each owner in Keep keeps the service, in words, by owner.
  std::map<std::string, std::string> KeptBecause;
  std::string RegistryExpr;
  /// `registry.shared`: a shared_ptr owning the registry; empty when not
  /// configured (a written registry header provides one).
  std::string RegistryShared;
  /// The registry header's root-relative path, and how an `#include` of it
  /// is spelled (delimiters included).
  std::string RegistryHeader, RegistryInclude;
  /// The configured registry header is not in the project: write it.
  bool WriteRegistryHeader = false;
  /// The namespace new code goes in, per file that gets some: a file with
  /// call sites, that of its first one; an owner's header, its constants'.
  std::map<std::string, std::string> FileNamespaces;
  /// Where new code goes in a file FileNamespaces does not list.
  std::string ServiceNamespace;
  /// Decisions verification took back, each with its item for a human.
  std::vector<Demotion> Demoted;
  /// Tests of the service's own wrappers whose bodies are replaced.
  std::vector<ServiceTestPlan> ServiceTests;
  /// Set when the service exists in one configuration only.
  std::optional<OptionalBuild> Optional;

  const MetricPlan *metric(llvm::StringRef Name) const;
  const WrapperPlan *wrapper(llvm::StringRef Signature) const;
  /// The replaced test body \p Where lies in, if one.
  const ServiceTestPlan *replacedTest(const SourceSpan &Where) const;
  /// FileNamespaces' entry for \p File, else ServiceNamespace.
  const std::string &namespaceIn(llvm::StringRef File) const;
};

/// \p Name, declared in namespace \p Target, as code in namespace \p From
/// spells it: bare when \p From is \p Target or nested in it, else
/// qualified by the part of \p Target below their common namespace
/// (`pipeline::NAME` from `ingestd::net` for `ingestd::pipeline`).
std::string spelledFrom(llvm::StringRef Name, llvm::StringRef Target, llvm::StringRef From);

/// The decisions of \p P that verification may take back: wrappers that
/// leave the service, metrics that move, owners whose injection goes.
std::vector<PlanDecision> decisionsOf(const Plan &P);

llvm::StringRef toString(MetricFate F);
llvm::StringRef toString(WrapperFate F);

} // namespace mm

#endif // METRICS_MIGRATE_CORE_PLAN_H
