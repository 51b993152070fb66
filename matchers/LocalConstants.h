//===--- LocalConstants.h - What a body takes along -------------*- C++ -*-===//
//
// A body that leaves the service (a wrapper's, a set-up statement's) takes
// along the file-local constants, file-local functions and constant members
// of the service it names: each file it goes to gets its own copy. Takes the
// declarations a body names; hands on their definitions as written, with
// the comment lines above them, and where the service's files define them.
// Reads only.
//
//===----------------------------------------------------------------------===//

#ifndef METRICS_MIGRATE_MATCHERS_LOCALCONSTANTS_H
#define METRICS_MIGRATE_MATCHERS_LOCALCONSTANTS_H

#include "core/Types.h"
#include "matchers/ASTUtil.h"
#include "matchers/ServiceRecorder.h"

#include "clang/AST/RecursiveASTVisitor.h"

#include <map>
#include <set>
#include <string>
#include <vector>

namespace mm {

/// A constant only its own file (or class) can name: in an anonymous
/// namespace, `static` at namespace scope, or a static member.
bool isFileLocalConstant(const clang::VarDecl *VD);

/// A function only its own file can call (`static`, or in an anonymous
/// namespace), defined at namespace scope and not a template: a body using
/// it takes a copy along, as it does the file's constants.
const clang::FunctionDecl *fileLocalFunction(const clang::Decl *D);

/// Where a namespace-scope constant is defined, with the anonymous namespace
/// around it.
LocalConstantSite siteOf(const clang::NamedDecl *Def, const Locator &Loc);

/// `name -> definition` for each constant, as written with the comment lines
/// above it (a static member's definition loses nothing: `static` is fine at
/// namespace scope too); and, in \p Sites, where the namespace-scope ones
/// are defined.
void addConstants(const std::set<const clang::VarDecl *> &Vars, const Locator &Loc,
                  std::map<std::string, std::string> &Out,
                  std::vector<LocalConstantSite> &Sites);

/// The same for file-local functions: `name -> definition`, and where.
void addFunctions(const std::set<const clang::FunctionDecl *> &Functions, const Locator &Loc,
                  std::map<std::string, std::string> &Out,
                  std::vector<LocalConstantSite> &Sites);

/// `name -> definition at namespace scope` for each constant member, as
/// written in the class with the comment lines above it; and, in \p Sites,
/// where the class declares it.
void addConstantMembers(const std::set<const clang::FieldDecl *> &Members, const Locator &Loc,
                        std::map<std::string, std::string> &Out,
                        std::vector<LocalConstantSite> &Sites);

/// Constants, file-local functions and constant members used anywhere
/// under what it traverses.
class ConstantVisitor : public clang::RecursiveASTVisitor<ConstantVisitor> {
public:
  bool VisitDeclRefExpr(clang::DeclRefExpr *E) {
    if (const auto *VD = llvm::dyn_cast<clang::VarDecl>(E->getDecl());
        VD && isFileLocalConstant(VD))
      Found.insert(VD);
    if (const clang::FunctionDecl *FD = fileLocalFunction(E->getDecl()))
      Functions.insert(FD);
    return true;
  }
  bool VisitMemberExpr(clang::MemberExpr *E) {
    if (const clang::FieldDecl *FD = constantMember(E))
      Members.insert(FD);
    return true;
  }
  std::set<const clang::VarDecl *> Found;
  std::set<const clang::FunctionDecl *> Functions;
  std::set<const clang::FieldDecl *> Members;
};

} // namespace mm

#endif // METRICS_MIGRATE_MATCHERS_LOCALCONSTANTS_H
