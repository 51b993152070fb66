//===--- FunctionTypeRecorder.h - std::function types carrying the service ===//
//
// Given the interface classes visible in a TU, records the `std::function`
// types whose signature takes the service: each parameter of such a
// signature written in project code (an InjectionPoint of kind
// FunctionTypeParam, owned by the type), each place a callable becomes one
// (a FunctionValue), and the parameters of the lambdas it is made from
// (InjectionPoints of kind FunctionParam, owned by the lambda). Calls
// through such a function are argument sites, recorded with the others by
// InjectionUseRecorder. Records only.
//
//===----------------------------------------------------------------------===//

#ifndef METRICS_MIGRATE_MATCHERS_FUNCTIONTYPERECORDER_H
#define METRICS_MIGRATE_MATCHERS_FUNCTIONTYPERECORDER_H

#include "core/Facts.h"
#include "matchers/Recorder.h"
#include "matchers/ASTUtil.h"
#include "matchers/UseRecorder.h"

#include "clang/AST/ASTContext.h"

namespace mm {

/// The signature of the `std::function` \p T is (through references,
/// cv and aliases); null for any other type, or a dependent one.
const clang::FunctionProtoType *stdFunctionSignature(clang::QualType T);

/// Whether a parameter of type \p T takes an injected interface of \p Set
/// (behind `&`, `*` or a smart pointer; not by value).
bool takesInterface(clang::QualType T, const InterfaceSet &Set);

/// The `std::function` type \p T is, canonical and printed
/// (`std::function<R (A, B)>`), when its signature takes an interface of
/// \p Set; "" otherwise. The key of that type's injection points.
std::string serviceFunctionType(clang::QualType T, const InterfaceSet &Set,
                                const clang::ASTContext &Ctx);

/// Records the signatures, the callables they are made from and those
/// lambdas' parameters; appends to \p Out (Partial.InjectionPoints,
/// Scan.FunctionValues), each location once per TU.
std::unique_ptr<Recorder> functionTypeRecorder(clang::ASTContext &Ctx, const InterfaceSet &Set,
                                               const Locator &Loc);
/// Runs it alone over \p Ctx.
void recordFunctionTypes(clang::ASTContext &Ctx, const InterfaceSet &Set, const Locator &Loc,
                         TUFacts &Out);

} // namespace mm

#endif // METRICS_MIGRATE_MATCHERS_FUNCTIONTYPERECORDER_H
