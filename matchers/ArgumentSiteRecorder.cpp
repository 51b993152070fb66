//===--- ArgumentSiteRecorder.cpp - Arguments handed to injected parameters ===//
//
// Takes a TU's AST and the interface set; hands on, in TUFacts::Scan, every
// argument written for a parameter that takes the service (constructions,
// `new`, make_unique/make_shared, emplace, calls, calls through a
// std::function), with the exact text to delete: the argument and its
// comma. A call of a null-guard helper is a null check, handed to the
// null-guard recorder instead.
//
//===----------------------------------------------------------------------===//

#include "matchers/InjectionUses.h"

#include "matchers/FunctionTypeRecorder.h"

#include "core/TextEdits.h"

#include "clang/AST/ExprCXX.h"
#include "clang/AST/ParentMapContext.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"
#include "clang/ASTMatchers/ASTMatchers.h"
#include "clang/Basic/CharInfo.h"
#include "clang/Lex/Lexer.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/DenseSet.h"
#include "llvm/ADT/SmallVector.h"

#include <algorithm>
#include <deque>
#include <set>
#include <tuple>

namespace mm {
namespace injection {

using namespace clang;
using namespace clang::ast_matchers;

namespace {

constexpr llvm::StringLiteral ConstructId = "construct";
constexpr llvm::StringLiteral CallId = "call";
constexpr llvm::StringLiteral FunctionCallId = "functionCall";

constexpr llvm::StringLiteral FormParen = "paren";
constexpr llvm::StringLiteral FormBrace = "brace";
constexpr llvm::StringLiteral FormNew = "new";
constexpr llvm::StringLiteral FormCall = "call";

/// How many function bodies the search for make_unique/make_shared's
/// construction may read, per specialization.
constexpr unsigned MakeSearchBudget = 400;

/// Collects, in one function (body and member initializers), the constructions
/// of a class and the functions it calls.
class ConstructionFinder : public RecursiveASTVisitor<ConstructionFinder> {
public:
  ConstructionFinder(const CXXRecordDecl *Target, unsigned NumArgs)
      : Target(Target), NumArgs(NumArgs) {}

  bool VisitCXXConstructExpr(CXXConstructExpr *E) {
    const CXXConstructorDecl *Ctor = E->getConstructor();
    if (!Ctor)
      return true;
    unsigned Written = llvm::count_if(
        E->arguments(), [](const Expr *A) { return !isa<CXXDefaultArgExpr>(A); });
    if (Ctor->getParent()->getCanonicalDecl() == Target && Written == NumArgs) {
      Found = Ctor;
      return false;
    }
    Callees.push_back(Ctor);
    return true;
  }

  bool VisitCallExpr(CallExpr *E) {
    if (const FunctionDecl *FD = E->getDirectCallee())
      Callees.push_back(FD);
    return true;
  }

  const CXXConstructorDecl *Found = nullptr;
  llvm::SmallVector<const FunctionDecl *, 16> Callees;

private:
  const CXXRecordDecl *Target;
  unsigned NumArgs;
};

//===-- The callback ------------------------------------------------------===//

class ArgumentSites : public MatchFinder::MatchCallback, public Recorder {
public:
  ArgumentSites(const InterfaceSet &Set, const Locator &Loc, NullGuardRecorder &Guards)
      : Set(Set), Loc(Loc), Guards(Guards) {}

  void registerMatchers(MatchFinder &Finder) override {
    if (Set.Names.empty())
      return;
    auto InProject = unless(isExpansionInSystemHeader());
    Finder.addMatcher(cxxConstructExpr(InProject).bind(ConstructId), this);
    Finder.addMatcher(callExpr(InProject, unless(cxxOperatorCallExpr())).bind(CallId), this);
    Finder.addMatcher(
        cxxOperatorCallExpr(InProject, hasOverloadedOperatorName("()")).bind(FunctionCallId),
        this);
  }

  void run(const MatchFinder::MatchResult &R) override {
    if (const auto *E = R.Nodes.getNodeAs<CXXConstructExpr>(ConstructId))
      onConstruct(*R.Context, E);
    else if (const auto *C = R.Nodes.getNodeAs<CallExpr>(CallId))
      onCall(*R.Context, C);
    else if (const auto *Call = R.Nodes.getNodeAs<CXXOperatorCallExpr>(FunctionCallId))
      onFunctionCall(*R.Context, Call);
  }

  void finish(TUFacts &Out) override {
    llvm::sort(Sites, [](const ArgumentSite &A, const ArgumentSite &B) {
      return std::tie(A.Arg, A.Index) < std::tie(B.Arg, B.Index);
    });
    llvm::append_range(Out.Scan.ArgumentSites, Sites);
  }

private:
  /// A function or constructor of the project whose injected parameters go:
  /// not the service's own, a double's, or a lambda's.
  bool isProjectCallee(const FunctionDecl *FD) const {
    if (!FD || FD->isImplicit() || !Loc.inProject(FD->getLocation()))
      return false;
    if (const auto *MD = dyn_cast<CXXMethodDecl>(FD))
      if (MD->getParent()->isLambda() || Set.isOrDerives(MD->getParent()) ||
          MD->isExplicitObjectMemberFunction())
        return false;
    return true;
  }

  /// Records every argument of \p Args that \p Params takes as an injected
  /// parameter (the same position).
  void recordArgs(ASTContext &Ctx, const DynTypedNode &Site, const FunctionDecl *Params,
                  llvm::ArrayRef<const Expr *> Args, llvm::StringRef Form,
                  SourceRange Call, const std::string &Callee) {
    recordArgsTaking(Ctx, Site, Args, Form, Call, Callee, [&](unsigned I) {
      return I < Params->getNumParams() &&
             takesInterface(Params->getParamDecl(I)->getType(), Set) &&
             !dependentAsWritten(Params, I);
    });
  }

  /// Records every argument of \p Args at a position \p Takes says takes
  /// an injected parameter of \p Callee. One argument of a template may be
  /// handed to several callees, one per instantiation.
  void recordArgsTaking(ASTContext &Ctx, const DynTypedNode &Site,
                        llvm::ArrayRef<const Expr *> Args, llvm::StringRef Form,
                        SourceRange Call, const std::string &Callee,
                        llvm::function_ref<bool(unsigned)> Takes) {
    llvm::SmallVector<const Expr *, 8> Written;
    for (const Expr *Arg : Args) {
      if (isa<CXXDefaultArgExpr>(Arg))
        break;
      Written.push_back(Arg); // implicit wrappers share the written range
    }
    // A pack expanded in an instantiation: one written argument stands for
    // several; there is nothing to drop one by one.
    for (size_t I = 0; I < Written.size(); ++I)
      for (size_t J = I + 1; J < Written.size(); ++J)
        if (Written[I]->getBeginLoc() == Written[J]->getBeginLoc())
          return;
    // The commas are where the call is written; a call spelled in a macro
    // body cannot be edited argument by argument.
    bool Editable = writtenInFile(Loc, Call.getBegin()) && writtenInFile(Loc, Call.getEnd());
    llvm::SmallVector<CharSourceRange, 8> Ranges;
    for (const Expr *Arg : Written)
      Ranges.push_back(fileRange(Loc, Arg->getSourceRange()));
    for (size_t I = 0; I < Written.size(); ++I) {
      if (!Takes(I))
        continue;
      ArgumentSite A;
      A.Arg = Loc.span(Written[I]->getSourceRange());
      if (!A.Arg.valid() || !SeenArgs.insert({keyOf(A.Arg), Callee}).second)
        continue;
      A.Call = Loc.span(Call);
      A.Callee = Callee;
      A.Form = Form.str();
      A.Index = I;
      A.ArgText = Loc.text(Written[I]->getSourceRange());
      if (Editable)
        A.Removal = listRemoval(Loc, Ranges, I);
      A.EnclosingFunction = enclosingFunctionName(Ctx, Site);
      Sites.push_back(std::move(A));
    }
  }

  /// `maker(target, std::move(metrics))` through a `std::function` whose
  /// signature takes the service: its arguments there, the callee being
  /// that type.
  void onFunctionCall(ASTContext &Ctx, const CXXOperatorCallExpr *C) {
    if (C->getNumArgs() < 2 || !Loc.inProject(C->getBeginLoc()))
      return;
    QualType Object = C->getArg(0)->getType();
    std::string Type = serviceFunctionType(Object, Set, Ctx);
    const FunctionProtoType *Signature = stdFunctionSignature(Object);
    if (Type.empty() || !Signature)
      return;
    llvm::SmallVector<const Expr *, 8> Args(llvm::drop_begin(C->arguments()));
    recordArgsTaking(Ctx, DynTypedNode::create(*C), Args, FormCall, C->getSourceRange(), Type,
                     [&](unsigned I) {
                       return I < Signature->getNumParams() &&
                              takesInterface(Signature->getParamType(I), Set);
                     });
  }

  void onConstruct(ASTContext &Ctx, const CXXConstructExpr *E) {
    if (E->isTypeDependent() || E->getNumArgs() == 0 || !Loc.inProject(E->getBeginLoc()))
      return;
    const CXXConstructorDecl *Ctor = E->getConstructor();
    if (!isProjectCallee(Ctor))
      return;
    llvm::StringRef Form = E->isListInitialization() ? FormBrace : FormParen;
    SourceRange Call = E->getSourceRange();
    bool Spelled = isa<CXXTemporaryObjectExpr>(E) || E->getParenOrBraceRange().isValid();
    DynTypedNodeList Parents = Ctx.getParents(*E);
    while (!Parents.empty() && Parents[0].get<CXXBindTemporaryExpr>())
      Parents = Ctx.getParents(Parents[0]);
    if (!Parents.empty()) {
      const DynTypedNode &P = Parents[0];
      if (const auto *New = P.get<CXXNewExpr>()) {
        Form = FormNew;
        Call = New->getSourceRange();
        Spelled = true;
      } else if (const auto *Cast = P.get<CXXFunctionalCastExpr>()) {
        Call = Cast->getSourceRange();
        Spelled = true;
      } else if (const auto *Init = P.get<CXXCtorInitializer>()) {
        Call = initializerRange(Loc, Init);
        Spelled = Spelled || Init->isWritten();
      }
    }
    // An implicit conversion (`f(metrics)` into a by-value parameter whose
    // class takes the service) is not a construction written in the code.
    if (!Spelled)
      return;
    llvm::SmallVector<const Expr *, 8> Args(E->arguments());
    recordArgs(Ctx, DynTypedNode::create(*E), Ctor, Args, Form, Call, className(Ctor->getParent()));
  }

  void onCall(ASTContext &Ctx, const CallExpr *C) {
    const FunctionDecl *FD = C->getDirectCallee();
    if (!FD || C->getNumArgs() == 0 || !Loc.inProject(C->getBeginLoc()))
      return;
    if (FD->isInStdNamespace() && FD->getIdentifier() &&
        (FD->getName() == "make_unique" || FD->getName() == "make_shared")) {
      onMake(Ctx, C, FD);
      return;
    }
    if (const auto *M = dyn_cast<CXXMethodDecl>(FD);
        M && M->getIdentifier() && M->getParent()->isInStdNamespace() &&
        (M->getName() == "emplace_back" || M->getName() == "emplace_front" ||
         M->getName() == "emplace")) {
      onEmplace(Ctx, C, M);
      return;
    }
    if (!isProjectCallee(FD) || Guards.recordHelperCall(Ctx, C, FD))
      return;
    llvm::SmallVector<const Expr *, 8> Args(C->arguments());
    recordArgs(Ctx, DynTypedNode::create(*C), FD, Args, FormCall, C->getSourceRange(),
               functionName(FD));
  }

  /// `std::make_unique<T>(a, metrics)`: the arguments are T's constructor's.
  void onMake(ASTContext &Ctx, const CallExpr *C, const FunctionDecl *Make) {
    const TemplateArgumentList *TArgs = Make->getTemplateSpecializationArgs();
    if (!TArgs || TArgs->size() == 0 || TArgs->get(0).getKind() != TemplateArgument::Type)
      return;
    const CXXRecordDecl *T = TArgs->get(0).getAsType()->getAsCXXRecordDecl();
    if (!T || !T->hasDefinition() || Set.isOrDerives(T))
      return;
    const CXXConstructorDecl *Ctor = constructorFor(Make, T->getDefinition(), C->getNumArgs());
    if (!isProjectCallee(Ctor))
      return;
    llvm::SmallVector<const Expr *, 8> Args(C->arguments());
    recordArgs(Ctx, DynTypedNode::create(*C), Ctor, Args, Make->getName(), C->getSourceRange(),
               className(T));
  }

  /// `items.emplace_back(a, metrics)` on a sequence container or an
  /// optional of T: the arguments are T's constructor's.
  void onEmplace(ASTContext &Ctx, const CallExpr *C, const CXXMethodDecl *Emplace) {
    const auto *Spec = dyn_cast<ClassTemplateSpecializationDecl>(Emplace->getParent());
    if (!Spec || !llvm::is_contained({"vector", "deque", "list", "forward_list", "optional"},
                                     Spec->getName()))
      return;
    const TemplateArgumentList &TArgs = Spec->getTemplateArgs();
    if (TArgs.size() == 0 || TArgs[0].getKind() != TemplateArgument::Type)
      return;
    const CXXRecordDecl *T = TArgs[0].getAsType()->getAsCXXRecordDecl();
    if (!T || !T->hasDefinition() || Set.isOrDerives(T))
      return;
    const CXXConstructorDecl *Ctor = constructorFor(Emplace, T->getDefinition(), C->getNumArgs());
    if (!isProjectCallee(Ctor))
      return;
    llvm::SmallVector<const Expr *, 8> Args(C->arguments());
    recordArgs(Ctx, DynTypedNode::create(*C), Ctor, Args, Emplace->getName(),
               C->getSourceRange(), className(T));
  }

  /// The constructor of \p T that \p Make calls with its \p NumArgs
  /// arguments: the construction found in the instantiated library code
  /// \p Make reaches, else T's only constructor taking that many.
  const CXXConstructorDecl *constructorFor(const FunctionDecl *Make, const CXXRecordDecl *T,
                                           unsigned NumArgs) {
    auto [It, New] = MakeCtors.try_emplace(Make, nullptr);
    if (!New)
      return It->second;
    const SourceManager &SM = Loc.sourceManager();
    const CXXRecordDecl *Target = T->getCanonicalDecl();
    std::deque<const FunctionDecl *> Work{Make};
    llvm::DenseSet<const FunctionDecl *> Visited{Make};
    for (unsigned Budget = MakeSearchBudget; !Work.empty() && Budget > 0; --Budget) {
      const FunctionDecl *FD = Work.front();
      Work.pop_front();
      const FunctionDecl *Def = nullptr;
      if (!FD->hasBody(Def) || !Def)
        continue;
      ConstructionFinder Finder(Target, NumArgs);
      Finder.TraverseDecl(const_cast<FunctionDecl *>(Def));
      if (Finder.Found)
        return It->second = Finder.Found;
      for (const FunctionDecl *Callee : Finder.Callees)
        if (SM.isInSystemHeader(Callee->getLocation()) && Visited.insert(Callee).second)
          Work.push_back(Callee);
    }
    const CXXConstructorDecl *Only = nullptr;
    for (const CXXConstructorDecl *Ctor : T->ctors()) {
      if (Ctor->isDeleted() || Ctor->isImplicit() || Ctor->isCopyOrMoveConstructor())
        continue;
      if (NumArgs < Ctor->getMinRequiredArguments() ||
          (NumArgs > Ctor->getNumParams() && !Ctor->isVariadic()))
        continue;
      if (Only)
        return It->second = nullptr;
      Only = Ctor;
    }
    return It->second = Only;
  }

  const InterfaceSet &Set;
  const Locator &Loc;
  NullGuardRecorder &Guards;
  std::vector<ArgumentSite> Sites;
  /// Arguments already recorded, with the callee they are handed to: an
  /// instantiation repeats its pattern's.
  std::set<std::pair<SpanKey, std::string>> SeenArgs;
  llvm::DenseMap<const FunctionDecl *, const CXXConstructorDecl *> MakeCtors;
};

} // namespace

std::unique_ptr<Recorder> argumentSiteRecorder(const InterfaceSet &Set, const Locator &Loc,
                                               NullGuardRecorder &Guards) {
  return std::make_unique<ArgumentSites>(Set, Loc, Guards);
}

} // namespace injection
} // namespace mm
