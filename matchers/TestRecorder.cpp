//===--- TestRecorder.cpp - Test doubles in use ---------------------------===//

#include "matchers/TestRecorder.h"

#include "matchers/ServiceRecorder.h"

#include "core/TextEdits.h"

#include "clang/AST/ExprCXX.h"
#include "clang/AST/ParentMapContext.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"
#include "clang/ASTMatchers/ASTMatchers.h"
#include "clang/Lex/Lexer.h"

#include <map>

namespace mm {

using namespace clang;
using namespace clang::ast_matchers;

namespace {

constexpr llvm::StringLiteral VarId = "var";
constexpr llvm::StringLiteral FieldId = "field";
constexpr llvm::StringLiteral RefId = "ref";
constexpr llvm::StringLiteral MemberRefId = "memberRef";
constexpr llvm::StringLiteral ExpectId = "expect";
constexpr llvm::StringLiteral UsingId = "using";
constexpr llvm::StringLiteral LambdaId = "lambda";

/// The class held by \p T through `&`, `*`, smart pointers and gmock's
/// StrictMock/NiceMock/NaggyMock, when it is an interface, the service or a
/// class deriving from one.
const CXXRecordDecl *heldClass(QualType T, const InterfaceSet &Set) {
  if (T->isReferenceType() || T->isPointerType())
    T = T->getPointeeType();
  const CXXRecordDecl *RD = T->getAsCXXRecordDecl();
  for (int Depth = 0; RD && Depth < 3; ++Depth) {
    const auto *Spec = dyn_cast<ClassTemplateSpecializationDecl>(RD);
    if (!Spec || Spec->getTemplateArgs().size() < 1 ||
        Spec->getTemplateArgs()[0].getKind() != TemplateArgument::Type)
      break;
    llvm::StringRef N = Spec->getName();
    if (N != "shared_ptr" && N != "unique_ptr" && N != "StrictMock" && N != "NiceMock" &&
        N != "NaggyMock")
      break;
    RD = Spec->getTemplateArgs()[0].getAsType()->getAsCXXRecordDecl();
  }
  return RD && Set.isOrDerives(RD) ? RD : nullptr;
}

const Stmt *fullStatement(ASTContext &Ctx, const Stmt *S, const CompoundStmt *&Block) {
  Block = nullptr;
  const Stmt *Cur = S;
  while (true) {
    DynTypedNodeList Parents = Ctx.getParents(*Cur);
    if (Parents.empty())
      return nullptr;
    if (const auto *CS = Parents[0].get<CompoundStmt>()) {
      Block = CS;
      return Cur;
    }
    const Stmt *P = Parents[0].get<Stmt>();
    if (!P)
      return nullptr;
    Cur = P;
  }
}

bool inExpectCall(const SourceManager &SM, const LangOptions &LO, SourceLocation L) {
  while (L.isMacroID()) {
    if (Lexer::getImmediateMacroName(L, SM, LO) == "EXPECT_CALL")
      return true;
    L = SM.getImmediateMacroCallerLoc(L);
  }
  return false;
}

/// The variables of the service and its doubles in tests, their uses, and
/// the expectations set on them.
class TestUses : public MatchFinder::MatchCallback, public Recorder {
public:
  TestUses(const InterfaceSet &Set, const Locator &Loc, TUFacts &Out)
      : Set(Set), Loc(Loc), Out(Out) {}

  void registerMatchers(MatchFinder &Finder) override {
    if (Set.Names.empty())
      return;
    auto InProject = unless(isExpansionInSystemHeader());
    Finder.addMatcher(varDecl(InProject, unless(parmVarDecl())).bind(VarId), this);
    Finder.addMatcher(fieldDecl(InProject).bind(FieldId), this);
    Finder.addMatcher(declRefExpr(InProject, to(varDecl(unless(parmVarDecl())))).bind(RefId),
                      this);
    // Not the copies an implicit or defaulted copy constructor makes.
    Finder.addMatcher(
        memberExpr(InProject, member(fieldDecl()),
                   unless(hasAncestor(functionDecl(anyOf(isImplicit(), isDefaulted())))))
            .bind(MemberRefId),
        this);
    Finder.addMatcher(
        cxxMemberCallExpr(callee(cxxMethodDecl(matchesName("::gmock_[A-Za-z0-9_]+$"))))
            .bind(ExpectId),
        this);
    Finder.addMatcher(usingDecl(InProject).bind(UsingId), this);
    Finder.addMatcher(lambdaExpr(InProject).bind(LambdaId), this);
  }

  void run(const MatchFinder::MatchResult &R) override {
    if (const auto *V = R.Nodes.getNodeAs<VarDecl>(VarId))
      onVar(*R.Context, V);
    else if (const auto *F = R.Nodes.getNodeAs<FieldDecl>(FieldId))
      onField(F);
    else if (const auto *E = R.Nodes.getNodeAs<DeclRefExpr>(RefId))
      onUse(E->getDecl(), E);
    else if (const auto *M = R.Nodes.getNodeAs<MemberExpr>(MemberRefId))
      onUse(M->getMemberDecl(), M);
    else if (const auto *C = R.Nodes.getNodeAs<CXXMemberCallExpr>(ExpectId))
      onExpect(*R.Context, C);
    else if (const auto *U = R.Nodes.getNodeAs<UsingDecl>(UsingId))
      onUsing(U);
    else if (const auto *L = R.Nodes.getNodeAs<LambdaExpr>(LambdaId))
      onLambda(*R.Context, L);
  }

  /// Variables in declaration order, with their uses, then the captures of
  /// variables by name.
  void finish(TUFacts &) override {
    for (auto &[D, V] : Vars)
      if (V.Decl.valid())
        Out.Scan.ServiceVars.push_back(std::move(V));
    for (auto &[K, V] : Captures)
      Out.Scan.ServiceVars.push_back(std::move(V));
  }

private:
  void onVar(ASTContext &Ctx, const VarDecl *V) {
    const CXXRecordDecl *RD = heldClass(V->getType(), Set);
    if (!RD || !Loc.inProject(V->getLocation()) || isa<ParmVarDecl>(V))
      return;
    ServiceVar SV;
    SV.Name = V->getNameAsString();
    SV.Type = typeAsWritten(V, Loc);
    if (!Set.contains(RD) && !RD->hasAttr<FinalAttr>() && RD->getName() != "")
      SV.Double = isService(RD) ? "" : qualifiedName(RD);
    DynTypedNodeList Parents = Ctx.getParents(*V);
    const auto *DS = Parents.empty() ? nullptr : Parents[0].get<DeclStmt>();
    if (DS && DS->isSingleDecl())
      SV.Decl = Loc.span(DS);
    else if (V->isInitCapture())
      asCapture(V->getLocation(), V->getEndLoc(), SV); // `[m = &metrics_]`
    else if (!DS)
      SV.Decl = Loc.span(V); // namespace scope
    ServiceVar &Slot = Vars[V->getCanonicalDecl()];
    SV.Uses = std::move(Slot.Uses);
    Slot = std::move(SV);
  }

  /// A variable holding the service captured by name (`[&metrics, n]`):
  /// its uses are those in the lambda's body.
  void onLambda(ASTContext &Ctx, const LambdaExpr *L) {
    for (const LambdaCapture &C : L->explicit_captures()) {
      if (!C.capturesVariable() || L->isInitCapture(&C) || C.isPackExpansion())
        continue;
      const ValueDecl *Var = C.getCapturedVar();
      const CXXRecordDecl *RD = heldClass(Var->getType(), Set);
      SourceLocation At = C.getLocation();
      if (!RD || At.isInvalid() || At.isMacroID() || !Loc.inProject(At))
        continue;
      const SourceManager &SM = Loc.sourceManager();
      Token Name;
      if (Lexer::getRawToken(At, Name, SM, Loc.langOpts(), /*IgnoreWhiteSpace=*/true))
        continue;
      if (Name.is(tok::amp) &&
          Lexer::getRawToken(Name.getEndLoc(), Name, SM, Loc.langOpts(), true))
        continue;
      if (!Name.is(tok::raw_identifier) || Name.getRawIdentifier() != Var->getName())
        continue;
      ServiceVar SV;
      SV.Name = Var->getNameAsString();
      if (const auto *DD = dyn_cast<DeclaratorDecl>(Var))
        SV.Type = typeAsWritten(DD, Loc);
      if (!Set.contains(RD) && !isService(RD) && !RD->hasAttr<FinalAttr>())
        SV.Double = qualifiedName(RD);
      asCapture(Name.getLocation(), Name.getLocation(), SV);
      if (!SV.Removal.valid())
        continue;
      auto [It, New] = Captures.try_emplace(
          std::make_tuple(SV.Decl.File, SV.Decl.Offset, SV.Decl.Length), SV);
      for (const BoundNodes &N :
           match(findAll(declRefExpr(to(valueDecl(equalsNode(Var)))).bind(RefId)), *L->getBody(),
                 Ctx))
        if (SourceSpan Use = Loc.span(N.getNodeAs<DeclRefExpr>(RefId)); Use.valid() &&
                                                                     !llvm::is_contained(It->second.Uses, Use))
          It->second.Uses.push_back(Use);
      (void)New;
    }
  }

  /// \p SV as a lambda's capture written from the name at \p Name (with a
  /// `&` before it) to the token at \p End: its Decl, and the Removal that
  /// takes its separating comma with it.
  void asCapture(SourceLocation Name, SourceLocation End, ServiceVar &SV) const {
    if (Name.isMacroID() || End.isMacroID())
      return;
    const SourceManager &SM = Loc.sourceManager();
    SourceSpan S = Loc.span(SourceRange(Name, End));
    FileID FID = SM.getFileID(Name);
    bool Invalid = false;
    llvm::StringRef Buffer = SM.getBufferData(FID, &Invalid);
    if (!S.valid() || Invalid)
      return;
    unsigned Begin = S.Offset;
    while (Begin > 0 && isWhitespace(Buffer[Begin - 1]))
      --Begin;
    Begin = Begin > 0 && Buffer[Begin - 1] == '&' ? Begin - 1 : S.Offset;
    auto At = [&](unsigned Offset, unsigned Length) {
      SourceLocation L = SM.getComposedLoc(FID, Offset);
      SourceSpan Out = S;
      Out.Offset = Offset;
      Out.Length = Length;
      Out.Line = SM.getSpellingLineNumber(L);
      Out.Column = SM.getSpellingColumnNumber(L);
      return Out;
    };
    SV.Decl = At(Begin, S.Offset + S.Length - Begin);
    auto [Offset, Length] = listElement(Buffer, SV.Decl.Offset, SV.Decl.Length);
    SV.Removal = At(Offset, Length);
  }

  void onField(const FieldDecl *F) {
    const CXXRecordDecl *RD = heldClass(F->getType(), Set);
    const auto *Parent = dyn_cast<CXXRecordDecl>(F->getParent());
    if (!RD || !Parent || !Loc.inProject(F->getLocation()) || Set.isOrDerives(Parent) ||
        Parent->isLambda())
      return;
    ServiceVar SV;
    SV.Name = F->getNameAsString();
    SV.Type = typeAsWritten(F, Loc);
    SV.IsField = true;
    if (!Set.contains(RD) && !isService(RD))
      SV.Double = qualifiedName(RD);
    SV.Decl = Loc.span(F);
    ServiceVar &Slot = Vars[F->getCanonicalDecl()];
    SV.Uses = std::move(Slot.Uses);
    Slot = std::move(SV);
  }

  void onUse(const ValueDecl *D, const Expr *E) {
    if (!Loc.inProject(E->getBeginLoc()))
      return;
    SourceSpan S = Loc.span(E);
    if (S.valid())
      Vars[cast<ValueDecl>(D->getCanonicalDecl())].Uses.push_back(S);
  }

  void onExpect(ASTContext &Ctx, const CXXMemberCallExpr *Call) {
    const CXXMethodDecl *M = Call->getMethodDecl();
    const SourceManager &SM = Loc.sourceManager();
    if (!M || !M->getIdentifier() || !Set.isOrDerives(M->getParent()) ||
        !inExpectCall(SM, Loc.langOpts(), Call->getBeginLoc()))
      return;
    const CompoundStmt *Block = nullptr;
    const Stmt *Full = fullStatement(Ctx, Call, Block);
    if (!Full || !Block)
      return;
    Expectation E;
    E.Stmt = Loc.span(Full);
    if (!E.Stmt.valid() || E.Stmt.Length == 0)
      return;
    E.Wrapper = M->getName().drop_front(6).str(); // gmock_
    E.Mock = Loc.text(Call->getImplicitObjectArgument()->IgnoreParens());
    for (const Expr *Arg : Call->arguments())
      E.Args.push_back(Loc.text(Arg));
    // `.Times(n)` (and whether actions make the count implicit).
    bool SawActions = false, SawTimes = false;
    const Stmt *Cur = Call;
    while (Cur != Full) {
      DynTypedNodeList Parents = Ctx.getParents(*Cur);
      if (Parents.empty())
        break;
      const auto *P = Parents[0].get<Stmt>();
      if (!P)
        break;
      if (const auto *MC = dyn_cast<CXXMemberCallExpr>(P)) {
        const CXXMethodDecl *PM = MC->getMethodDecl();
        llvm::StringRef N = PM && PM->getIdentifier() ? PM->getName() : "";
        if (N == "Times") {
          SawTimes = true;
          Expr::EvalResult Value;
          const Expr *Arg = MC->getNumArgs() == 1 ? MC->getArg(0)->IgnoreImplicit() : nullptr;
          if (const auto *CE = dyn_cast_or_null<CXXConstructExpr>(Arg);
              CE && CE->getNumArgs() == 1)
            Arg = CE->getArg(0)->IgnoreImplicit();
          if (Arg && isa<IntegerLiteral>(Arg->IgnoreParenImpCasts()) &&
              Arg->EvaluateAsInt(Value, Ctx))
            E.Times = static_cast<unsigned>(Value.Val.getInt().getZExtValue());
          else
            E.TimesKnown = false;
        } else if (N == "WillOnce" || N == "WillRepeatedly") {
          SawActions = true;
        }
      }
      Cur = P;
    }
    if (SawActions && !SawTimes)
      E.TimesKnown = false;
    E.ScopeEnd = SM.getFileOffset(SM.getFileLoc(Block->getRBracLoc()));
    if (const FunctionDecl *FD = enclosingFunction(Ctx, Full)) {
      E.Test = qualifiedName(FD);
      E.Namespace = namespaceOf(FD);
    }
    Out.Scan.Expectations.push_back(std::move(E));
  }

  void onUsing(const UsingDecl *U) {
    if (!Loc.inProject(U->getLocation()))
      return;
    for (const UsingShadowDecl *Shadow : U->shadows()) {
      const auto *RD = dyn_cast<CXXRecordDecl>(Shadow->getTargetDecl());
      if (RD && Set.isOrDerives(RD) && !Set.contains(RD) && !isService(RD)) {
        Out.Scan.DoubleMentions.push_back({Loc.span(U), qualifiedName(RD)});
        return;
      }
    }
  }

  /// The configured service itself (the first class of the set).
  bool isService(const CXXRecordDecl *RD) const {
    return !Set.Names.empty() && qualifiedName(RD) == Set.Names.front();
  }

  const InterfaceSet &Set;
  const Locator &Loc;
  TUFacts &Out;
  std::map<const ValueDecl *, ServiceVar> Vars;
  std::map<std::tuple<std::string, unsigned, unsigned>, ServiceVar> Captures;
};

} // namespace

std::unique_ptr<Recorder> testUseRecorder(const InterfaceSet &Set, const Locator &Loc,
                                          TUFacts &Out) {
  return std::make_unique<TestUses>(Set, Loc, Out);
}

void recordTestUses(ASTContext &Ctx, const InterfaceSet &Set, const Locator &Loc,
                    TUFacts &Out) {
  runRecorders(Ctx, {testUseRecorder(Set, Loc, Out).get()}, Out);
}

} // namespace mm
