//===--- ServiceReaderSteps.h - Parts of reading the service ----*- C++ -*-===//
//
// Internal to matchers/. recordService (ServiceReader.cpp) reads the service
// class with the state it builds up as it goes; the parts of that reading
// that need none of it are in ServiceRecorder.cpp, declared here.
//
//===----------------------------------------------------------------------===//

#ifndef METRICS_MIGRATE_MATCHERS_SERVICEREADERSTEPS_H
#define METRICS_MIGRATE_MATCHERS_SERVICEREADERSTEPS_H

#include "core/Facts.h"
#include "matchers/ASTUtil.h"
#include "matchers/BuilderChain.h"
#include "matchers/CachedChild.h"

#include "clang/AST/DeclCXX.h"

#include <map>
#include <set>
#include <string>
#include <utility>
#include <vector>

namespace mm {

/// `std::shared_ptr<prometheus::Registry>`.
bool isRegistryHolder(clang::QualType T);

/// The registry member's initializer: the text inside `m_registry(..)` (or
/// `{..}`), and the constructor parameter only it uses, whose name goes
/// when the initializer is replaced.
void recordRegistryInit(const clang::CXXConstructorDecl &Ctor,
                        const clang::CXXCtorInitializer &Init, const Locator &Loc, Service &S);

/// Service::Effects of \p Service: what building it does besides its
/// metrics, each in words.
std::vector<std::string> effectsOf(const clang::CXXRecordDecl *Service);

/// A method calling a wrapper of an interface records that wrapper's metrics
/// too (transitively): it is a wrapper itself, one that needs the service,
/// and the wrapper it calls has to stay with it. \p Methods: the last
/// wrappers of \p Wrappers, in order, each with the methods it calls.
void addCalledMetrics(
    std::vector<std::pair<const clang::CXXMethodDecl *, std::set<const clang::CXXMethodDecl *>>>
        &Methods,
    std::vector<Wrapper> &Wrappers);

/// What \p Chain says of the family or child it makes, into \p M.
void applyChain(const BuilderChain &Chain, Metric &M);

/// Whether \p Chain makes the family or child \p M was set to:
/// prometheus-cpp hands the second registration the first's.
bool sameChain(const BuilderChain &Chain, const Metric &M);

/// The methods of \p Service defined here whose bodies are a cached child
/// (CachedChild.h), by definition; only those whose caches no other code of
/// the service names, since the caches stop being filled.
std::map<const clang::FunctionDecl *, CachedChild>
cachedChildren(const clang::CXXRecordDecl &Service,
               const std::map<const clang::FieldDecl *, std::string> &Fields);

/// A `field_ = <chain>` statement.
struct FieldAssignment {
  const clang::FieldDecl *Field; ///< Canonical.
  const clang::Expr *Value;
  const clang::Stmt *Whole;
};

/// The `field_ = <chain>` statements in \p Body (a constructor's or a
/// set-up method's) assigning one of \p Fields, in order.
std::vector<FieldAssignment>
fieldAssignmentsIn(clang::Stmt *Body,
                   const std::map<const clang::FieldDecl *, std::string> &Fields);

} // namespace mm

#endif // METRICS_MIGRATE_MATCHERS_SERVICEREADERSTEPS_H
