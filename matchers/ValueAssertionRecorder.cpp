//===--- ValueAssertionRecorder.cpp - What tests assert of metric values --===//

#include "matchers/ValueAssertionRecorder.h"

#include "matchers/BuilderChain.h"
#include "matchers/ServiceRecorder.h"

#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"
#include "clang/ASTMatchers/ASTMatchers.h"

#include <set>

namespace mm {

using namespace clang;
using namespace clang::ast_matchers;

namespace {

constexpr llvm::StringLiteral TestId = "test";

/// For gtest's comparison helpers (what `EXPECT_EQ`, `ASSERT_DOUBLE_EQ`,
/// `EXPECT_GE`, `EXPECT_NEAR`... expand to), the index of the first of the
/// two values compared: `EqHelper::Compare("a", "b", a, b)`.
std::optional<unsigned> firstValueOf(const FunctionDecl *F) {
  std::string Name = qualifiedName(F);
  llvm::StringRef N = Name;
  if (!N.consume_front("testing::internal::"))
    return std::nullopt;
  if (N == "DoubleNearPredFormat")
    return 3;
  if (llvm::is_contained({"EqHelper::Compare", "CmpHelperEQ", "CmpHelperNE", "CmpHelperLT",
                          "CmpHelperLE", "CmpHelperGT", "CmpHelperGE",
                          "CmpHelperFloatingPointEQ"},
                         N))
    return 2;
  return std::nullopt;
}

/// What a read names: string literals, and methods of the service.
class NameCollector : public RecursiveASTVisitor<NameCollector> {
public:
  NameCollector(const InterfaceSet &Set, std::set<std::string> &Literals,
                std::set<std::string> &Methods)
      : Set(Set), Literals(Literals), Methods(Methods) {}

  bool VisitStringLiteral(StringLiteral *S) {
    if (S->isOrdinary() || S->isUTF8())
      Literals.insert(S->getString().str());
    return true;
  }
  bool VisitCXXMemberCallExpr(CXXMemberCallExpr *Call) {
    const CXXMethodDecl *M = Call->getMethodDecl();
    if (M && M->getIdentifier() && Set.isOrDerives(M->getParent()))
      Methods.insert(signatureOf(M));
    return true;
  }


private:
  const InterfaceSet &Set;
  std::set<std::string> &Literals;
  std::set<std::string> &Methods;
};

/// Whether \p F, or a project function it calls, returns a number other
/// than 0 as written (`return -1;`, `return NAN;` aside).
bool returnsSentinel(const FunctionDecl *F, const Locator &Loc, int Depth = 0) {
  const FunctionDecl *Def = F ? F->getDefinition() : nullptr;
  if (!Def || !Def->hasBody() || !Loc.inProject(Def->getLocation()) || Depth > 1)
    return false;
  struct Visitor : RecursiveASTVisitor<Visitor> {
    const Locator &Loc;
    int Depth;
    bool Found = false;
    Visitor(const Locator &Loc, int Depth) : Loc(Loc), Depth(Depth) {}
    bool TraverseLambdaExpr(LambdaExpr *) { return true; }
    bool VisitReturnStmt(ReturnStmt *R) {
      const Expr *V = R->getRetValue() ? R->getRetValue()->IgnoreParenImpCasts() : nullptr;
      if (const auto *U = dyn_cast_or_null<UnaryOperator>(V); U && U->getOpcode() == UO_Minus)
        V = U->getSubExpr()->IgnoreParenImpCasts();
      if (const auto *I = dyn_cast_or_null<IntegerLiteral>(V))
        Found = Found || I->getValue() != 0;
      if (const auto *Fl = dyn_cast_or_null<FloatingLiteral>(V))
        Found = Found || !Fl->getValue().isZero();
      return true;
    }
    bool VisitCallExpr(CallExpr *C) {
      Found = Found || returnsSentinel(C->getDirectCallee(), Loc, Depth + 1);
      return true;
    }
  } V(Loc, Depth);
  V.TraverseStmt(Def->getBody());
  return V.Found;
}

/// The locals of the test body a read names.
class LocalCollector : public RecursiveASTVisitor<LocalCollector> {
public:
  explicit LocalCollector(const FunctionDecl *Test) : Test(Test) {}
  bool VisitDeclRefExpr(DeclRefExpr *E) {
    if (const auto *VD = dyn_cast<VarDecl>(E->getDecl()))
      if (VD->isLocalVarDeclOrParm())
        Locals.insert(VD);
    return true;
  }
  const FunctionDecl *Test;
  std::set<const VarDecl *> Locals;
};

class AssertionVisitor : public RecursiveASTVisitor<AssertionVisitor> {
public:
  AssertionVisitor(const CXXMethodDecl *Test, const CompoundStmt *Body, const InterfaceSet &Set,
                   const Locator &Loc, Facts &Out)
      : Test(Test), Body(Body), Set(Set), Loc(Loc), Out(Out), Name(gtestName(Test, Loc)) {}

  /// A lambda's assertions run when it is called, not where it is written.
  bool TraverseLambdaExpr(LambdaExpr *) { return true; }

  bool VisitCallExpr(CallExpr *Call) {
    const FunctionDecl *F = Call->getDirectCallee();
    if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(Call)) {
      recordHasSubstr(Op);
      return true;
    }
    std::optional<unsigned> First = F ? firstValueOf(F) : std::nullopt;
    if (!First || Call->getNumArgs() < *First + 2)
      return true;
    std::string Helper = qualifiedName(F);
    bool Equality = llvm::is_contained({"testing::internal::EqHelper::Compare",
                                        "testing::internal::CmpHelperEQ",
                                        "testing::internal::CmpHelperFloatingPointEQ"},
                                       Helper);
    for (unsigned I = *First; I < *First + 2; ++I)
      if (const CallExpr *Make = collectedCount(Call->getArg(I)))
        recordShape(Call, Make);
    for (unsigned I = *First; I < *First + 2; ++I)
      record(Call, Call->getArg(I),
             Equality ? constantNumber(Call->getArg(I == *First ? I + 1 : I - 1))
                      : std::nullopt);
    if (Helper == "testing::internal::CmpHelperNE")
      recordFind(Call, Call->getArg(*First), Call->getArg(*First + 1));
    return true;
  }

private:
  /// `EXPECT_THAT(text, HasSubstr("x_total 7"))`: gtest's
  /// `PredicateFormatterFromMatcher<..>::operator()(formatter, "text", text)`.
  void recordHasSubstr(const CXXOperatorCallExpr *Call) {
    const auto *M = dyn_cast_or_null<CXXMethodDecl>(Call->getDirectCallee());
    if (!M || Call->getNumArgs() != 3 || !M->getParent()->getIdentifier() ||
        M->getParent()->getName() != "PredicateFormatterFromMatcher")
      return;
    struct Finder : RecursiveASTVisitor<Finder> {
      const StringLiteral *Literal = nullptr;
      bool VisitCallExpr(CallExpr *C) {
        const FunctionDecl *F = C->getDirectCallee();
        if (!Literal && F && F->getIdentifier() && F->getName() == "HasSubstr" &&
            C->getNumArgs() == 1)
          Literal = dyn_cast_or_null<StringLiteral>(stripWrappers(C->getArg(0)));
        return true;
      }
    } Find;
    Find.TraverseStmt(const_cast<Expr *>(Call->getArg(0)));
    if (Find.Literal)
      recordExposition(Call, Call->getArg(2), Find.Literal);
    // `EXPECT_THAT(families, Not(..))`: what the registry does not hold.
    // (The formatter object is `MakePredicateFormatterFromMatcher(matcher)`.)
    const Expr *Matcher = Call->getArg(0);
    while (true) {
      Matcher = stripWrappers(Matcher)->IgnoreImplicit();
      const auto *Copy = dyn_cast<CXXConstructExpr>(Matcher);
      const auto *Make = dyn_cast<CallExpr>(Matcher);
      const FunctionDecl *MF = Make ? Make->getDirectCallee() : nullptr;
      if (Copy && Copy->getNumArgs() == 1)
        Matcher = Copy->getArg(0);
      else if (MF && MF->getIdentifier() &&
               MF->getName() == "MakePredicateFormatterFromMatcher" && Make->getNumArgs() == 1)
        Matcher = Make->getArg(0);
      else
        break;
    }
    const auto *Not = dyn_cast<CallExpr>(Matcher);
    const FunctionDecl *MF = Not ? Not->getDirectCallee() : nullptr;
    if (MF && qualifiedName(MF) == "testing::Not")
      if (const CallExpr *Make = collected(Call->getArg(2)))
        recordShape(Call, Make);
  }

  /// The `std::make_shared<prometheus::Registry>()` a registry variable or
  /// field of the test was initialized from (freshRegistryIn), when \p E
  /// is its `Collect()` (`registry->Collect()`), or a local set from that.
  const CallExpr *collected(const Expr *E) const {
    E = stripWrappers(E)->IgnoreImplicit();
    if (const auto *Ref = dyn_cast<DeclRefExpr>(E)) {
      const auto *VD = dyn_cast<VarDecl>(Ref->getDecl());
      if (!VD || !VD->hasLocalStorage() || isa<ParmVarDecl>(VD) || !VD->getInit())
        return nullptr;
      E = VD->getInit()->IgnoreImplicit();
      if (const auto *Copy = dyn_cast<CXXConstructExpr>(E); Copy && Copy->getNumArgs() == 1)
        E = Copy->getArg(0)->IgnoreImplicit();
    }
    const auto *Collect = dyn_cast<CXXMemberCallExpr>(E);
    const CXXMethodDecl *M = Collect ? Collect->getMethodDecl() : nullptr;
    if (!M || qualifiedName(M) != "prometheus::Registry::Collect")
      return nullptr;
    const Expr *Object = Collect->getImplicitObjectArgument()->IgnoreImplicit();
    if (const auto *Arrow = dyn_cast<CXXOperatorCallExpr>(Object);
        Arrow && Arrow->getOperator() == OO_Arrow)
      Object = Arrow->getArg(0);
    return freshRegistryIn(Object, Loc);
  }

  /// collected() of the object of \p E, a `.size()`.
  const CallExpr *collectedCount(const Expr *E) const {
    const auto *Size = dyn_cast<CXXMemberCallExpr>(stripWrappers(E));
    const CXXMethodDecl *M = Size ? Size->getMethodDecl() : nullptr;
    if (!M || !M->getIdentifier() || M->getName() != "size" || !M->getParent()->isInStdNamespace())
      return nullptr;
    return collected(Size->getImplicitObjectArgument());
  }

  void recordShape(const CallExpr *Assertion, const CallExpr *Make) {
    RegistryShapeAssertion A;
    CharSourceRange Macro = Loc.sourceManager().getExpansionRange(Assertion->getSourceRange());
    A.Stmt = Loc.span(SourceRange(Macro.getBegin(), Macro.getEnd()));
    A.Registry = Loc.span(Make);
    A.Test = Name;
    if (A.Stmt.valid() && A.Stmt.Length && A.Registry.valid() &&
        !llvm::is_contained(Out.RegistryShapeAssertions, A))
      Out.RegistryShapeAssertions.push_back(std::move(A));
  }

  /// `EXPECT_NE(text.find("x_total 7"), std::string::npos)`, either way round.
  void recordFind(const CallExpr *Assertion, const Expr *A, const Expr *B) {
    auto IsNpos = [](const Expr *E) {
      E = E->IgnoreParenImpCasts();
      const ValueDecl *D = nullptr;
      if (const auto *Ref = dyn_cast<DeclRefExpr>(E))
        D = Ref->getDecl();
      else if (const auto *Member = dyn_cast<MemberExpr>(E))
        D = Member->getMemberDecl();
      return D && D->getIdentifier() && D->getName() == "npos";
    };
    if (IsNpos(A))
      std::swap(A, B);
    const auto *Find = dyn_cast<CXXMemberCallExpr>(stripWrappers(A));
    const CXXMethodDecl *M = Find ? Find->getMethodDecl() : nullptr;
    if (!IsNpos(B) || !M || !M->getIdentifier() || M->getName() != "find" ||
        Find->getNumArgs() < 1 || !M->getParent()->isInStdNamespace())
      return;
    if (const auto *Literal = dyn_cast_or_null<StringLiteral>(stripWrappers(Find->getArg(0))))
      recordExposition(Assertion, Find->getImplicitObjectArgument(), Literal);
  }

  /// An assertion that \p Text holds \p Literal, a line of a text
  /// exposition (`name{labels} value`).
  void recordExposition(const CallExpr *Assertion, const Expr *Text,
                        const StringLiteral *Literal) {
    if (!Literal->isOrdinary() || !Literal->getString().contains(' ') ||
        Literal->getString().contains('\n'))
      return;
    ExpositionAssertion A;
    CharSourceRange Macro = Loc.sourceManager().getExpansionRange(Assertion->getSourceRange());
    A.Stmt = Loc.span(SourceRange(Macro.getBegin(), Macro.getEnd()));
    A.Text = Loc.span(Text->getSourceRange());
    A.Literal = Loc.span(Literal->getSourceRange());
    if (!A.Stmt.valid() || !A.Text.valid() || !A.Literal.valid() || A.Text.Length == 0 ||
        Literal->getNumConcatenated() != 1)
      return;
    A.Line = Literal->getString().str();
    A.BodyStart = Loc.span(Body->getLBracLoc()).Offset + 1;
    A.Test = Name;
    Out.ExpositionAssertions.push_back(std::move(A));
  }

  /// \p E's value when it is a constant number (`0`, `2.0`, `0u`, `false`).
  std::optional<double> constantNumber(const Expr *E) const {
    Expr::EvalResult R;
    if (E->isValueDependent() || !E->EvaluateAsRValue(R, Test->getASTContext()))
      return std::nullopt;
    if (R.Val.isInt() && R.Val.getInt().getSignificantBits() <= 64)
      return static_cast<double>(R.Val.getInt().getExtValue());
    if (R.Val.isFloat()) {
      llvm::APFloat V = R.Val.getFloat();
      bool LosesInfo = false;
      V.convert(llvm::APFloat::IEEEdouble(), llvm::APFloat::rmNearestTiesToEven, &LosesInfo);
      return V.convertToDouble();
    }
    return std::nullopt;
  }

  void record(const CallExpr *Assertion, const Expr *Value, std::optional<double> Expected) {
    const auto *Read = dyn_cast<CallExpr>(stripWrappers(Value));
    if (!Read || isa<CXXOperatorCallExpr>(Read))
      return;
    ValueAssertion A;
    A.Read = Loc.span(Read->getSourceRange());
    if (!A.Read.valid() || Loc.text(Read).empty())
      return;
    std::set<std::string> Literals, Methods;
    NameCollector(Set, Literals, Methods).TraverseStmt(const_cast<CallExpr *>(Read));
    // A project function returning what it reads: what it names counts.
    const FunctionDecl *Callee = Read->getDirectCallee();
    if (Callee && Callee->getIdentifier())
      A.Callee = Callee->getName().str();
    const FunctionDecl *Def = Callee ? Callee->getDefinition() : nullptr;
    if (Def && Def->hasBody() && Loc.inProject(Def->getLocation()) &&
        !(isa<CXXMethodDecl>(Def) && Set.isOrDerives(cast<CXXMethodDecl>(Def)->getParent())))
      NameCollector(Set, Literals, Methods).TraverseStmt(Def->getBody());
    if (Literals.empty() && Methods.empty())
      return;
    A.Literals.assign(Literals.begin(), Literals.end());
    A.Methods.assign(Methods.begin(), Methods.end());
    // The macro's whole invocation, `EXPECT_EQ(..)`.
    CharSourceRange Macro = Loc.sourceManager().getExpansionRange(Assertion->getSourceRange());
    A.Stmt = Loc.span(SourceRange(Macro.getBegin(), Macro.getEnd()));
    if (!A.Stmt.valid() || A.Stmt.Length == 0 || A.Stmt.File != A.Read.File ||
        A.Read.Offset < A.Stmt.Offset ||
        A.Read.Offset + A.Read.Length > A.Stmt.Offset + A.Stmt.Length)
      return;
    A.Test = Name;
    A.ReadyAt = readyAt(Read);
    A.BodyStart = Loc.span(Body->getLBracLoc()).Offset + 1;
    A.Sentinel = returnsSentinel(Callee, Loc);
    A.Expected = Expected;
    Out.ValueAssertions.push_back(std::move(A));
  }

  /// Just after the statement declaring the last local \p Read names, or
  /// after the body's `{`; 0 when a local is declared deeper than the top
  /// of the body.
  unsigned readyAt(const CallExpr *Read) const {
    LocalCollector Locals(Test);
    Locals.TraverseStmt(const_cast<CallExpr *>(Read));
    SourceSpan Open = Loc.span(Body->getLBracLoc());
    unsigned At = Open.Offset + 1;
    for (const VarDecl *VD : Locals.Locals) {
      if (isa<ParmVarDecl>(VD))
        return 0;
      const Stmt *Declaring = nullptr;
      for (const Stmt *S : Body->body())
        if (const auto *DS = dyn_cast<DeclStmt>(S))
          for (const Decl *D : DS->decls())
            if (D == VD)
              Declaring = DS;
      if (!Declaring)
        return 0;
      SourceSpan End = Loc.span(Declaring);
      if (!End.valid() || End.File != Open.File)
        return 0;
      At = std::max(At, End.Offset + End.Length);
    }
    return At;
  }

  const CXXMethodDecl *Test;
  const CompoundStmt *Body;
  const InterfaceSet &Set;
  const Locator &Loc;
  Facts &Out;
  std::string Name;
};

/// Each gtest body's assertions on metric values.
class ValueAssertions : public MatchFinder::MatchCallback, public Recorder {
public:
  ValueAssertions(const InterfaceSet &Set, const Locator &Loc, Facts &Out)
      : Set(Set), Loc(Loc), Out(Out) {}

  void registerMatchers(MatchFinder &Finder) override {
    Finder.addMatcher(cxxMethodDecl(hasName("TestBody"), isDefinition()).bind(TestId), this);
  }
  void finish(TUFacts &) override {}

  void run(const MatchFinder::MatchResult &Result) override {
    const auto *Test = Result.Nodes.getNodeAs<CXXMethodDecl>(TestId);
    const auto *Body = Test ? dyn_cast_or_null<CompoundStmt>(Test->getBody()) : nullptr;
    if (!Body || Body->getLBracLoc().isMacroID() || !Loc.inProject(Body->getLBracLoc()) ||
        !isGTestFixture(Test->getParent()))
      return;
    AssertionVisitor(Test, Body, Set, Loc, Out).TraverseStmt(const_cast<CompoundStmt *>(Body));
  }

private:
  const InterfaceSet &Set;
  const Locator &Loc;
  Facts &Out;
};

} // namespace

std::unique_ptr<Recorder> valueAssertionRecorder(const InterfaceSet &Set, const Locator &Loc,
                                                 Facts &Out) {
  return std::make_unique<ValueAssertions>(Set, Loc, Out);
}

void recordValueAssertions(ASTContext &Ctx, const InterfaceSet &Set, const Locator &Loc,
                           Facts &Out) {
  TUFacts Unused;
  runRecorders(Ctx, {valueAssertionRecorder(Set, Loc, Out).get()}, Unused);
}

} // namespace mm
