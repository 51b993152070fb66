//===--- InjectionUses.h - What the recorders of injection uses share -*- C++ -*-===//
//
// Internal to matchers/. The recorders InjectionUseRecorder.h hands out
// (argument sites, field statements, null guards, declared names) read the
// same spans: an argument with its comma, an initializer as written, a
// statement with its `;`, and name the functions and classes they are in
// alike. The null-guard recorder is declared here too: the argument-site
// recorder hands it calls of null-guard helpers.
//
//===----------------------------------------------------------------------===//

#ifndef METRICS_MIGRATE_MATCHERS_INJECTIONUSES_H
#define METRICS_MIGRATE_MATCHERS_INJECTIONUSES_H

#include "core/Facts.h"
#include "matchers/ASTUtil.h"
#include "matchers/Recorder.h"
#include "matchers/UseRecorder.h"

#include "clang/AST/ASTContext.h"
#include "clang/AST/ExprCXX.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"
#include "clang/Basic/SourceLocation.h"
#include "clang/Lex/Lexer.h"

#include <memory>
#include <set>
#include <string>
#include <tuple>

namespace mm {
namespace injection {

/// A span as a key: an instantiation repeats its pattern's.
using SpanKey = std::tuple<std::string, unsigned, unsigned>;
inline SpanKey keyOf(const SourceSpan &S) { return {S.File, S.Offset, S.Length}; }

/// The file characters of the tokens of \p R; invalid when they are not one
/// contiguous piece of a file.
clang::CharSourceRange fileRange(const Locator &Loc, clang::SourceRange R);
/// True when the token at \p L is itself written in a file: plain code or a
/// macro argument, not a macro body.
bool writtenInFile(const Locator &Loc, clang::SourceLocation L);
/// A raw lexer positioned at the file character location \p At.
std::unique_ptr<clang::Lexer> lexerAt(const Locator &Loc, clang::SourceLocation At);
/// What to delete to drop element \p I of a comma-separated list whose
/// elements cover \p Ranges: with the comma before it, or, for the first,
/// up to the next element; alone, just the element.
SourceSpan listRemoval(const Locator &Loc, llvm::ArrayRef<clang::CharSourceRange> Ranges,
                       size_t I);
/// `member_(..)` or `member_{..}` as written.
clang::SourceRange initializerRange(const Locator &Loc, const clang::CXXCtorInitializer *Init);
/// The file characters of statement \p S including its closing `;`.
clang::CharSourceRange statementRange(const Locator &Loc, const clang::Stmt *S);
/// Qualified name of \p FD, of its template pattern when it is an
/// instantiation, so every instantiation names the code as written.
std::string functionName(const clang::FunctionDecl *FD);
std::string className(const clang::CXXRecordDecl *RD);
/// The function whose body holds \p Node, looking through lambdas; "" at
/// namespace scope and in default member initializers.
std::string enclosingFunctionName(clang::ASTContext &Ctx, const clang::DynTypedNode &Node);

/// The recorder of null checks of an injected pointer around recordings
/// (`if (p) p->X();`, `if (!p) return;`, `withMetrics(p, [&](M& m) {
/// m.X(); })`). The argument-site recorder hands it the calls it meets.
class NullGuardRecorder : public clang::ast_matchers::MatchFinder::MatchCallback,
                          public Recorder {
public:
  /// Whether \p C, a call of \p FD, calls a null-guard helper with an
  /// injected pointer and a lambda; records it, once, when it does.
  virtual bool recordHelperCall(clang::ASTContext &Ctx, const clang::CallExpr *C,
                                const clang::FunctionDecl *FD) = 0;
};

std::unique_ptr<NullGuardRecorder> nullGuardRecorder(const InterfaceSet &Set,
                                                     const Locator &Loc);
/// Arguments handed to injected parameters; calls of null-guard helpers go
/// to \p Guards.
std::unique_ptr<Recorder> argumentSiteRecorder(const InterfaceSet &Set, const Locator &Loc,
                                               NullGuardRecorder &Guards);
/// Member initializers of injected fields, and the statements that only
/// set, build or free such a field.
std::unique_ptr<Recorder> fieldStatementRecorder(const InterfaceSet &Set, const Locator &Loc);

} // namespace injection
} // namespace mm

#endif // METRICS_MIGRATE_MATCHERS_INJECTIONUSES_H
