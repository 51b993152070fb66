//===--- UseRecorder.h - Where the service is used --------------*- C++ -*-===//
//
// Given the interface classes visible in a TU (the service and its bases),
// records with AST matchers every wrapper call site, every injection point
// (constructor parameters, fields, free-function parameters of an interface
// type) and every test double. Records only.
//
//===----------------------------------------------------------------------===//

#ifndef METRICS_MIGRATE_MATCHERS_USERECORDER_H
#define METRICS_MIGRATE_MATCHERS_USERECORDER_H

#include "core/Facts.h"
#include "matchers/ASTUtil.h"
#include "matchers/Recorder.h"

#include "clang/AST/DeclCXX.h"
#include "llvm/ADT/SmallPtrSet.h"

namespace mm {

struct InterfaceSet {
  /// Canonical declarations of the service and its interfaces.
  llvm::SmallPtrSet<const clang::CXXRecordDecl *, 4> Classes;
  std::vector<std::string> Names; ///< Their qualified names.
  std::vector<std::string> ExtraDoubles; ///< Configured test doubles.
  /// The service class's definition, when the TU has it.
  const clang::CXXRecordDecl *Service = nullptr;

  bool contains(const clang::CXXRecordDecl *RD) const {
    return RD && Classes.contains(RD->getCanonicalDecl());
  }
  /// True for the interfaces and every class deriving from one (the service
  /// itself, test doubles).
  bool isOrDerives(const clang::CXXRecordDecl *RD) const;
  /// True for a class deriving from the service class itself (not the
  /// service, not a double of an interface).
  bool derivesFromService(const clang::CXXRecordDecl *RD) const;
};

/// If \p T names an interface (behind `&`, `*`, `std::shared_ptr`,
/// `std::unique_ptr`, cv), that class and how it is held.
std::optional<std::pair<const clang::CXXRecordDecl *, Holder>>
interfaceOf(clang::QualType T, const InterfaceSet &Set);

/// The recorder of the uses, writing into \p Out.Partial as it matches.
std::unique_ptr<Recorder> serviceUseRecorder(const InterfaceSet &Set, const Locator &Loc,
                                             TUFacts &Out);
/// Runs it alone over \p Ctx.
void recordUses(clang::ASTContext &Ctx, const InterfaceSet &Set,
                const Locator &Loc, TUFacts &Out);

} // namespace mm

#endif // METRICS_MIGRATE_MATCHERS_USERECORDER_H
