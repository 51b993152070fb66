//===--- ASTUtil.h - From AST nodes to plain locations and text -*- C++ -*-===//
//
// The only place the matchers turn Clang source locations into SourceSpan
// and source text. Paths are canonicalized (symlinks, `..`, relative entries)
// and made relative to the project root, so the same header seen from many
// translation units always gets the same key.
//
//===----------------------------------------------------------------------===//

#ifndef METRICS_MIGRATE_MATCHERS_ASTUTIL_H
#define METRICS_MIGRATE_MATCHERS_ASTUTIL_H

#include "core/Types.h"

#include "clang/AST/ASTContext.h"
#include "clang/Basic/SourceManager.h"
#include "llvm/ADT/DenseMap.h"

#include <string>

namespace mm {

class Locator {
public:
  Locator(const clang::ASTContext &Ctx, llvm::StringRef ProjectRoot);
  Locator(const clang::SourceManager &SM, const clang::LangOptions &LO,
          llvm::StringRef ProjectRoot);

  /// The span of \p Range, mapped to the file text it was written in (macro
  /// arguments to their spelling, macro bodies to the expansion).
  SourceSpan span(clang::SourceRange Range) const;
  SourceSpan span(const clang::Decl *D) const;
  SourceSpan span(const clang::Stmt *S) const;

  /// The source text of \p Range as written, or "" when it is not one
  /// contiguous piece of a file.
  std::string text(clang::SourceRange Range) const;
  std::string text(const clang::Stmt *S) const;

  /// For a range inside a macro expansion: the same range as written in the
  /// macro's definition, when both ends come from the body of one expansion
  /// (a macro argument counts as the parameter it replaced). Invalid when the
  /// range is not one piece of a project file's `#define`.
  SourceSpan definitionSpan(clang::SourceRange Range) const;
  std::string definitionText(clang::SourceRange Range) const;

  /// Canonical path of the file holding \p Loc, relative to the root when
  /// under it.
  std::string file(clang::SourceLocation Loc) const;

  /// True when \p Loc is in a file under the project root (not a system or
  /// third-party header).
  bool inProject(clang::SourceLocation Loc) const;

  const clang::SourceManager &sourceManager() const { return SM; }
  const clang::LangOptions &langOpts() const { return LO; }

private:
  clang::CharSourceRange fileRange(clang::SourceRange Range) const;
  clang::SourceRange definitionRange(clang::SourceRange Range) const;
  std::string pathOf(clang::FileID FID) const;

  const clang::SourceManager &SM;
  const clang::LangOptions &LO;
  std::string Root;
  mutable llvm::DenseMap<clang::FileID, std::string> PathCache;
};

/// \p M's declaration as a Decls entry; a method a macro declared (gmock's
/// `MOCK_METHOD`) spans the macro's whole invocation.
MethodDecl methodDecl(const clang::CXXMethodDecl *M, const Locator &Loc);

/// The parameter \p E names, directly or as the object of member accesses
/// (`ctx` in `ctx->metrics`, `deps.stats`, a smart pointer's `->`), with
/// \p Through set when one was passed; null when \p E names no parameter.
const clang::ParmVarDecl *parameterReachedThrough(const clang::Expr *E, bool &Through);

/// \p E without implicit nodes and parentheses: what it is, as read.
const clang::Expr *spelled(const clang::Expr *E);

/// The function whose body holds \p S, looking through lambdas (sets
/// \p InLambda when it passed one); null at namespace scope.
const clang::FunctionDecl *enclosingFunction(clang::ASTContext &Ctx, const clang::Stmt *S,
                                             bool *InLambda = nullptr);

/// The statement \p E is the whole expression of, with its `;`, when that
/// statement is written in one file and stands in a block, or under a
/// `case` label or as the unbraced body of an `if`, `else` or loop (then
/// \p NeedsBraces is set: a unit put under a preprocessor condition needs
/// braces around it there). Invalid otherwise (a `for`'s increment, part
/// of a larger expression, a macro).
SourceSpan statementInBlock(clang::ASTContext &Ctx, const clang::Expr *E, const Locator &Loc,
                            bool &NeedsBraces);

/// The span from \p Begin to \p End, two character locations of one file;
/// an invalid span when they are not.
SourceSpan spanBetween(const Locator &Loc, clang::SourceLocation Begin, clang::SourceLocation End);

/// `ns::Outer::Name` without anonymous namespaces or template arguments.
std::string qualifiedName(const clang::NamedDecl *D);

/// The innermost named, non-inline namespace around \p D (semantically: an
/// out-of-line method is in its class's), `a::b`, or "" at global scope.
/// Anonymous and inline namespaces are skipped: what is declared in the
/// namespace returned is visible from \p D unqualified.
std::string namespaceOf(const clang::Decl *D);

/// The text of \p P's default argument as a call would write it (`{}` for
/// `= {}`), or "" when it has none (or only an uninstantiated one).
std::string defaultArgument(const clang::ParmVarDecl *P, const Locator &Loc);

/// Whether parameter \p I of \p FD, an instantiation, is written with a
/// type of the template's own (`const Ptr &`): whatever the instantiation
/// made of it, the code as written takes no service there.
bool dependentAsWritten(const clang::FunctionDecl *FD, unsigned I);

/// Whether `this` appears anywhere under \p S, written or implied (a member
/// named alone).
bool mentionsThis(const clang::Stmt *S);

/// Whether \p RD derives from gtest's `testing::Test`: a test or its fixture.
bool isGTestFixture(const clang::CXXRecordDecl *RD);

/// `Suite.Name` as the `TEST_F(Suite, Name)` around \p TestBody spells it,
/// else the test class's name.
std::string gtestName(const clang::CXXMethodDecl *TestBody, const Locator &Loc);

} // namespace mm

#endif // METRICS_MIGRATE_MATCHERS_ASTUTIL_H
