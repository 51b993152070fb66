//===--- NeededHeaders.h - The headers a piece of moved code needs -*- C++ -*-===//
//
// Code the migration copies out of the service's files (a wrapper's body
// inlined or made a helper, a set-up statement, a file-local constant) names
// things the service's files had included: `std::strcmp`, `std::array`, an
// enum of another project header. Takes that code as an AST node and hands
// on the headers declaring what it names, each as the service's files reach
// it: a name of the standard library by the header the standard declares it
// in (tooling::stdlib: `<cstring>` for `std::strcmp`), a project header by
// its path relative to the root (the rewriters spell it from the file the
// code lands in), any other by the spelling of the `#include` through which
// a project file entered it (`<fmt/format.h>`). Names
// of the files the code comes from, and prometheus-cpp's (the rewriters add
// those by metric kind), are left out.
//
//===----------------------------------------------------------------------===//

#ifndef METRICS_MIGRATE_MATCHERS_NEEDEDHEADERS_H
#define METRICS_MIGRATE_MATCHERS_NEEDEDHEADERS_H

#include "core/Types.h"
#include "matchers/ASTUtil.h"

#include "clang/AST/Decl.h"
#include "clang/AST/Stmt.h"
#include "clang/Tooling/Inclusions/StandardLibrary.h"

#include <map>
#include <set>
#include <string>
#include <vector>

namespace mm {

class NeededHeaders {
public:
  /// \p From: places in the project files the code is taken from (the
  /// service's header and source), whose own names need no include, and
  /// whose own includes decide between the headers the standard gives a
  /// name (`std::move` from <utility> rather than <algorithm>).
  NeededHeaders(const Locator &Loc, llvm::ArrayRef<clang::SourceLocation> From);

  void add(const clang::Stmt *S);
  void add(const clang::Decl *D);

  /// Sorted by header, each once, with the names found in it.
  std::vector<NeededHeader> headers() const;
  /// The same, for the code that moves when that is less than what was
  /// added (a wrapper's template drops its cache look-up): the headers of
  /// names \p Texts still spell, with those names.
  std::vector<NeededHeader> headersNamedIn(llvm::ArrayRef<llvm::StringRef> Texts) const;

  /// The header \p D is reached through, or "" when it needs none.
  std::string headerOf(const clang::NamedDecl *D) const;

private:
  void take(llvm::ArrayRef<const clang::NamedDecl *> Named);

  const Locator &Loc;
  std::set<std::string> From;
  /// What the From files include, as spelled there (`<utility>`).
  std::set<std::string> FromIncludes;
  /// Header -> the names found in it.
  std::map<std::string, std::set<std::string>> Found;
  mutable clang::tooling::stdlib::Recognizer StdNames;
};

/// Adds \p Headers to \p Into, keeping it sorted by header, each once with
/// the names of both.
void mergeHeaders(std::vector<NeededHeader> &Into, const std::vector<NeededHeader> &Headers);

} // namespace mm

#endif // METRICS_MIGRATE_MATCHERS_NEEDEDHEADERS_H
