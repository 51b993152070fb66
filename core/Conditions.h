//===--- Conditions.h - Preprocessor branches in a file's text --*- C++ -*-===//
//
// Reads `#if`/`#ifdef`/`#ifndef`/`#elif`/`#else`/`#endif` lines of a file's
// text with Clang's raw lexer (so comments and strings do not confuse it),
// for the rewriters that write code under a build option: which branches
// are open at an offset, and where the outermost of them ends. Include
// guards (`#ifndef X` followed by `#define X`) are not branches.
//
//===----------------------------------------------------------------------===//

#ifndef METRICS_MIGRATE_CORE_CONDITIONS_H
#define METRICS_MIGRATE_CORE_CONDITIONS_H

#include "llvm/ADT/StringRef.h"

#include <string>
#include <vector>

namespace mm {

/// `defined X`, `defined( X )` -> `defined(X)`; `! defined(X)` ->
/// `!defined(X)`; any other condition with its runs of blanks made one.
std::string normalCondition(llvm::StringRef Condition);

/// The conditions (normalCondition) of the branches open at \p At in
/// \p Text, outermost first: `defined(X)` for `#ifdef X`, `!defined(X)` for
/// `#ifndef X`, the expression of an `#if`; "" for an `#elif` or `#else`
/// branch.
std::vector<std::string> openConditions(llvm::StringRef Text, unsigned At);

/// \p At when no branch is open there; else the start of the line after the
/// `#endif` closing the outermost one.
unsigned pastOpenBranches(llvm::StringRef Text, unsigned At);

/// The directive that opens a branch of \p Condition: `#ifdef X` for
/// `defined(X)`, `#ifndef X` for `!defined(X)`, `#if ...` otherwise.
std::string openingDirective(llvm::StringRef Condition);

} // namespace mm

#endif // METRICS_MIGRATE_CORE_CONDITIONS_H
