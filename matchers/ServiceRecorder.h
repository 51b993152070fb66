//===--- ServiceRecorder.h - The service class, read --------------*- C++ -*-===//
//
// Given the service class's definition in a TU, records its interfaces
// (polymorphic bases), its metric fields (type, builder chain when the
// constructor is here), and every method (parameters, defaults and, when the
// body is here, which metric fields it touches and its body as a template).
// Records only; merging across TUs happens in core/Merge.
//
//===----------------------------------------------------------------------===//

#ifndef METRICS_MIGRATE_MATCHERS_SERVICERECORDER_H
#define METRICS_MIGRATE_MATCHERS_SERVICERECORDER_H

#include "core/Facts.h"
#include "matchers/ASTUtil.h"

#include "clang/AST/DeclCXX.h"

namespace mm {

/// True for `prometheus::Family<T>`, `Counter`, `Gauge`, `Histogram`,
/// `Summary` behind at most one reference or pointer; sets \p Style.
bool isMetricType(clang::QualType T, FieldStyle &Style, MetricKind &Kind);

/// Records \p Service (a definition) and everything about it this TU has.
void recordService(const clang::CXXRecordDecl *Service, const Locator &Loc,
                   TUFacts &Out);

/// Facts::GivenRegistries: the `std::make_shared<prometheus::Registry>()`
/// initializing a variable or field that is then handed to the service's
/// constructor (directly or through std::make_shared).
void recordGivenRegistries(const clang::CXXRecordDecl *Service, clang::ASTContext &Ctx,
                           const Locator &Loc, TUFacts &Out);

/// The `std::make_shared<prometheus::Registry>()` initializing the local
/// variable or field \p Arg names (through copies and `std::move`),
/// written in a project file; null for anything else.
const clang::CallExpr *freshRegistryIn(const clang::Expr *Arg, const Locator &Loc);

/// `Name(canonical param types)`: the key that ties an interface method, its
/// override and a call together.
std::string signatureOf(const clang::FunctionDecl *F);

/// A `const` data member with its value written in the class
/// (`const std::vector<double> latency_buckets_ = {..};`) or given by the
/// class's only constructor as a value written in the code
/// (`mBounds{0.1, 0.5}` in its initializer list), or a private one no
/// method writes, named without `this->`: the same for every object, so a
/// `const` copy at namespace scope, spelled as the member is, holds what it
/// holds.
const clang::FieldDecl *constantMember(const clang::MemberExpr *E);

/// For a member without an in-class initializer: the initializer of the
/// class's only constructor (copies and moves aside) that gives it a value
/// written in the code (literals and constants, no call); null otherwise.
const clang::CXXCtorInitializer *constantInitializer(const clang::FieldDecl &FD);

/// The declared type of \p D as written, qualifiers included.
std::string typeAsWritten(const clang::DeclaratorDecl *D, const Locator &Loc);

} // namespace mm

#endif // METRICS_MIGRATE_MATCHERS_SERVICERECORDER_H
