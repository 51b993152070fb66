//===--- ConditionalRecorder.h - Code compiled in one configuration -*- C++ -*-===//
//
// Takes the preprocessor's conditional directives as it reads a TU, and
// hands on the branches it compiled in project files (core/Types.h:
// ConditionalRegion): where they begin and end, their condition as written
// and the project files they include. Include guards (`#ifndef X` or
// `#if !defined(X)` followed at once by `#define X`) are not branches of a
// configuration and are left out, as is every branch of a skipped one. The
// review stops a migration whose service exists in one configuration only.
//
//===----------------------------------------------------------------------===//

#ifndef METRICS_MIGRATE_MATCHERS_CONDITIONALRECORDER_H
#define METRICS_MIGRATE_MATCHERS_CONDITIONALRECORDER_H

#include "core/Facts.h"
#include "matchers/ASTUtil.h"

#include "clang/Lex/PPCallbacks.h"
#include "llvm/ADT/StringMap.h"

#include <memory>
#include <string>
#include <vector>

namespace mm {

/// A branch as the preprocessor saw it, before it is placed in the tree.
struct CompiledBranch {
  clang::SourceLocation Begin, End;
  std::string Condition;
  /// Where the macro of a `defined(X)` condition was defined, if it was.
  clang::SourceLocation DefinedAt;
  std::vector<clang::FileEntryRef> Includes;
};

/// Collects the compiled branches of a TU into a vector it shares with
/// whoever reads them after parsing.
class ConditionalBranches : public clang::PPCallbacks {
public:
  ConditionalBranches(const clang::SourceManager &SM, const clang::LangOptions &LangOpts,
                      std::shared_ptr<std::vector<CompiledBranch>> Out)
      : SM(SM), LangOpts(LangOpts), Out(std::move(Out)) {}

  void If(clang::SourceLocation Loc, clang::SourceRange ConditionRange,
          ConditionValueKind Value) override;
  void Ifdef(clang::SourceLocation Loc, const clang::Token &MacroNameTok,
             const clang::MacroDefinition &MD) override;
  void Ifndef(clang::SourceLocation Loc, const clang::Token &MacroNameTok,
              const clang::MacroDefinition &MD) override;
  void Elif(clang::SourceLocation Loc, clang::SourceRange ConditionRange,
            ConditionValueKind Value, clang::SourceLocation IfLoc) override;
  void Else(clang::SourceLocation Loc, clang::SourceLocation IfLoc) override;
  void Endif(clang::SourceLocation Loc, clang::SourceLocation IfLoc) override;
  void MacroDefined(const clang::Token &MacroNameTok, const clang::MacroDirective *MD) override;
  void MacroUndefined(const clang::Token &MacroNameTok, const clang::MacroDefinition &MD,
                      const clang::MacroDirective *Undef) override;
  void InclusionDirective(clang::SourceLocation HashLoc, const clang::Token &IncludeTok,
                          llvm::StringRef FileName, bool IsAngled,
                          clang::CharSourceRange FilenameRange, clang::OptionalFileEntryRef File,
                          llvm::StringRef SearchPath, llvm::StringRef RelativePath,
                          const clang::Module *SuggestedModule, bool ModuleImported,
                          clang::SrcMgr::CharacteristicKind FileType) override;

private:
  struct Open {
    clang::SourceLocation Begin; ///< Of the branch now open.
    std::string Condition;       ///< Of the branch now open.
    clang::SourceLocation DefinedAt; ///< Of its `defined(X)`'s macro.
    std::vector<std::string> Before; ///< The conditions of the branches before it.
    bool Active = false;         ///< The branch now open is compiled.
    bool Taken = false;          ///< One of its branches was.
    bool ParentActive = true;
    bool Guard = false;
    std::vector<clang::FileEntryRef> Includes;
  };
  void open(clang::SourceLocation Loc, std::string Condition, bool True,
            std::string GuardMacro);
  void next(clang::SourceLocation Loc, std::string Condition, bool True);
  void close(clang::SourceLocation Loc);
  std::string text(clang::SourceRange Range) const;
  /// Where the macro of a `defined(X)` or `!defined(X)` condition was
  /// defined; invalid for other conditions and undefined macros.
  clang::SourceLocation definedAt(llvm::StringRef Condition) const;

  const clang::SourceManager &SM;
  const clang::LangOptions &LangOpts;
  std::shared_ptr<std::vector<CompiledBranch>> Out;
  std::vector<Open> Stack;
  std::string PendingGuard; ///< The macro an include guard would define next.
  /// Where each macro defined so far was defined.
  llvm::StringMap<clang::SourceLocation> Definitions;
};

/// Appends to \p Out.Scan.ConditionalRegions the branches of \p Branches
/// that begin in project files.
void recordConditionalRegions(const Locator &Loc, llvm::ArrayRef<CompiledBranch> Branches,
                              TUFacts &Out);

} // namespace mm

#endif // METRICS_MIGRATE_MATCHERS_CONDITIONALRECORDER_H
