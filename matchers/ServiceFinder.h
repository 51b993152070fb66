//===--- ServiceFinder.h - Which class is the metrics service? --*- C++ -*-===//
//
// For `init`, before any configuration exists. Takes one TU and hands on
// what it shows of every project class that could be the metrics service:
// its fields typed as prometheus-cpp metrics or families, its polymorphic
// bases, and every constructor parameter typed as it (reference, pointer or
// smart pointer), plus the project's registry accessors (free functions
// returning `prometheus::Registry&`). mergeCandidates() gathers the TUs;
// pickService() chooses.
//
//===----------------------------------------------------------------------===//

#ifndef METRICS_MIGRATE_MATCHERS_SERVICEFINDER_H
#define METRICS_MIGRATE_MATCHERS_SERVICEFINDER_H

#include "clang/AST/ASTContext.h"
#include "clang/Tooling/Tooling.h"

#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace mm {

struct ClassCandidate {
  std::string Name; ///< Fully qualified.
  std::string File; ///< Of the definition, relative to the root.
  unsigned Line = 0;
  std::vector<std::string> Bases; ///< Polymorphic bases, fully qualified.
  std::set<std::string> MetricFields;
  /// Methods returning a metric or family (`auto x() -> Family<Counter>&`):
  /// a class building its metrics on each call instead of holding them.
  std::set<std::string> MetricMethods;
  /// `file:line:col` of each constructor parameter typed as this class.
  std::set<std::string> Injections;
};

struct RegistryAccessor {
  std::string Expr;   ///< e.g. `shop::metrics::DefaultRegistry()`
  std::string Header; ///< Where it is declared, relative to the root.
  friend bool operator<(const RegistryAccessor &A, const RegistryAccessor &B) {
    return std::tie(A.Expr, A.Header) < std::tie(B.Expr, B.Header);
  }
};

struct ServiceCandidates {
  std::map<std::string, ClassCandidate> Classes; ///< By name.
  std::set<RegistryAccessor> Registries;
  /// Functions without parameters returning a `std::shared_ptr` to a
  /// registry (they can own the one a Registries entry names).
  std::set<RegistryAccessor> SharedRegistries;
};

/// Adds what \p Ctx shows to \p Out; files outside \p Root are ignored.
void findServiceCandidates(clang::ASTContext &Ctx, llvm::StringRef Root,
                           ServiceCandidates &Out);

std::unique_ptr<clang::tooling::FrontendActionFactory>
newServiceFinderFactory(std::string Root, ServiceCandidates &Out);

void mergeCandidates(ServiceCandidates &Into, const ServiceCandidates &From);

struct ServiceChoice {
  const ClassCandidate *Service = nullptr;
  /// Constructor parameters typed as the class or one of its bases.
  unsigned Injections = 0;
};

/// The class with metric fields injected through the most constructor
/// parameters (its own or its bases'); ties go to more metric fields, then
/// to the name. Without any metric field anywhere: no Service.
ServiceChoice pickService(const ServiceCandidates &C);

} // namespace mm

#endif // METRICS_MIGRATE_MATCHERS_SERVICEFINDER_H
