//===--- MacroCallSite.h - A wrapper call written in a macro ----*- C++ -*-===//
//
// Internal to matchers/. A wrapper call site the use recorder
// (UseRecorder.cpp) finds in a macro's expansion: whether it is rewritten
// where it is written (one macro argument holds it whole), or in the
// macro's definition, and what that rewrite takes. Reads only.
//
//===----------------------------------------------------------------------===//

#ifndef METRICS_MIGRATE_MATCHERS_MACROCALLSITE_H
#define METRICS_MIGRATE_MATCHERS_MACROCALLSITE_H

#include "core/Facts.h"
#include "matchers/ASTUtil.h"

#include "clang/AST/Expr.h"

namespace mm {

/// The whole call is written in one argument of a macro
/// (`EXPECT_EQ(m.value(), 1)`): it is rewritten where it is written, as if
/// no macro were there.
bool inOneMacroArgument(const clang::Expr &E, const clang::SourceManager &SM);

/// Where the call is written in its macro's definition. The receiver and
/// the method name must be spelled there, not passed in as arguments:
/// rewriting the definition then rewrites every expansion alike.
void recordMacroCall(clang::ASTContext &Ctx, const clang::CallExpr &Call, const Locator &Loc,
                     CallSite &C);

} // namespace mm

#endif // METRICS_MIGRATE_MATCHERS_MACROCALLSITE_H
