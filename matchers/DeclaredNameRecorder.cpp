//===--- DeclaredNameRecorder.cpp - UPPER_SNAKE_CASE names of the project ===//
//
// Takes a TU's AST; hands on, in TUFacts::Scan::UpperSnakeNames, the
// UPPER_SNAKE_CASE names each project file declares at namespace or class
// scope (variables, fields, functions, types, enumerators): names a new
// constant could clash with.
//
//===----------------------------------------------------------------------===//

#include "matchers/InjectionUseRecorder.h"

#include "clang/ASTMatchers/ASTMatchFinder.h"
#include "clang/ASTMatchers/ASTMatchers.h"
#include "clang/Basic/CharInfo.h"

#include <algorithm>
#include <map>
#include <set>

namespace mm {

using namespace clang;
using namespace clang::ast_matchers;

namespace {

constexpr llvm::StringLiteral NameId = "name";

bool isUpperSnake(llvm::StringRef Name) {
  if (Name.empty() || !isUppercase(Name[0]))
    return false;
  if (!llvm::all_of(Name, [](char C) { return isUppercase(C) || isDigit(C) || C == '_'; }))
    return false;
  return Name.contains('_') || Name.size() > 1;
}

class DeclaredNames : public MatchFinder::MatchCallback, public Recorder {
public:
  explicit DeclaredNames(const Locator &Loc) : Loc(Loc) {}

  void registerMatchers(MatchFinder &Finder) override {
    Finder.addMatcher(
        namedDecl(unless(isExpansionInSystemHeader()), unless(isImplicit())).bind(NameId), this);
  }

  void run(const MatchFinder::MatchResult &R) override {
    if (const auto *D = R.Nodes.getNodeAs<NamedDecl>(NameId))
      onName(D);
  }

  void finish(TUFacts &Out) override {
    for (auto &[File, FileNames] : Names) {
      std::vector<std::string> &All = Out.Scan.UpperSnakeNames[File];
      All.insert(All.end(), FileNames.begin(), FileNames.end());
      llvm::sort(All);
      All.erase(std::unique(All.begin(), All.end()), All.end());
    }
  }

private:
  void onName(const NamedDecl *D) {
    if (D->isImplicit() || !D->getIdentifier() || D->getParentFunctionOrMethod())
      return;
    bool Kind = (isa<VarDecl>(D) && !isa<ParmVarDecl>(D)) ||
                isa<FieldDecl, FunctionDecl, TagDecl, TypedefNameDecl, EnumConstantDecl>(D);
    if (!Kind || !isUpperSnake(D->getName()) || !Loc.inProject(D->getLocation()))
      return;
    Names[Loc.file(D->getLocation())].insert(D->getName().str());
  }

  const Locator &Loc;
  std::map<std::string, std::set<std::string>> Names;
};

} // namespace

std::unique_ptr<Recorder> declaredNameRecorder(const Locator &Loc) {
  return std::make_unique<DeclaredNames>(Loc);
}

} // namespace mm
