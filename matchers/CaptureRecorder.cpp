//===--- CaptureRecorder.cpp - Lambdas capturing `this` -------------------===//
//
// Takes a TU's AST; hands on, in TUFacts::Scan::ThisCaptures, each explicit
// `this` capture with its text ranges and the members its lambda's body
// (nested lambdas included, local classes excluded) reaches through `this`.
//
//===----------------------------------------------------------------------===//

#include "matchers/CaptureRecorder.h"

#include "core/TextEdits.h"

#include "clang/AST/ExprCXX.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"
#include "clang/ASTMatchers/ASTMatchers.h"
#include "clang/Lex/Lexer.h"
#include "llvm/ADT/SmallPtrSet.h"

#include <map>
#include <set>
#include <tuple>

namespace mm {

using namespace clang;
using namespace clang::ast_matchers;

namespace {

constexpr llvm::StringLiteral LambdaId = "lambda";

/// `Class::name`, with the class that declares \p D.
std::string memberName(const NamedDecl *D) {
  const auto *RD = dyn_cast<CXXRecordDecl>(D->getDeclContext());
  return (RD ? qualifiedName(RD) + "::" : std::string()) + D->getNameAsString();
}

/// The class whose `this` a lambda in \p DC sees: the first enclosing class
/// that is not itself a lambda.
const CXXRecordDecl *enclosingClass(const DeclContext *DC) {
  for (; DC; DC = DC->getParent())
    if (const auto *RD = dyn_cast<CXXRecordDecl>(DC); RD && !RD->isLambda())
      return RD;
  return nullptr;
}

/// What a lambda's body reaches through `this`.
class ThisUseVisitor : public RecursiveASTVisitor<ThisUseVisitor> {
public:
  /// A local class has a `this` of its own.
  bool TraverseCXXRecordDecl(CXXRecordDecl *) { return true; }

  /// A nested lambda's `this` capture passes `this` on; what that lambda's
  /// body reaches through it is visited with the body.
  bool TraverseLambdaCapture(LambdaExpr *L, const LambdaCapture *C, Expr *Init) {
    if (C->capturesThis())
      return true;
    return RecursiveASTVisitor::TraverseLambdaCapture(L, C, Init);
  }

  bool VisitCXXThisExpr(CXXThisExpr *E) {
    All.insert(E);
    return true;
  }

  /// `this->m`, `m`, `(*this).m`.
  bool VisitMemberExpr(MemberExpr *E) {
    const Expr *Base = E->getBase()->IgnoreParenImpCasts();
    if (const auto *Deref = dyn_cast<UnaryOperator>(Base);
        Deref && Deref->getOpcode() == UO_Deref && !E->isArrow())
      Base = Deref->getSubExpr()->IgnoreParenImpCasts();
    const auto *This = dyn_cast<CXXThisExpr>(Base);
    if (!This)
      return true;
    Named.insert(This);
    const ValueDecl *D = E->getMemberDecl();
    (isa<FieldDecl>(D) ? Fields : Methods).insert(memberName(D));
    return true;
  }

  /// An overloaded method named in a template: a method whatever the
  /// instantiation picks.
  bool VisitUnresolvedMemberExpr(UnresolvedMemberExpr *E) {
    const CXXThisExpr *This = nullptr;
    if (!E->isImplicitAccess())
      This = dyn_cast<CXXThisExpr>(E->getBase()->IgnoreParenImpCasts());
    if (!This && !E->isImplicitAccess())
      return true;
    if (This)
      Named.insert(This);
    const CXXRecordDecl *RD = E->getNamingClass();
    Methods.insert((RD ? qualifiedName(RD) + "::" : std::string()) +
                   E->getMemberName().getAsString());
    return true;
  }

  /// A member of a dependent base: unknown until instantiation.
  bool VisitCXXDependentScopeMemberExpr(CXXDependentScopeMemberExpr *E) {
    if (E->isImplicitAccess() || isa<CXXThisExpr>(E->getBase()->IgnoreParenImpCasts()))
      Unknown = true;
    return true;
  }

  bool otherUse() const {
    return Unknown || llvm::any_of(All, [&](const CXXThisExpr *E) { return !Named.count(E); });
  }

  std::set<std::string> Fields, Methods;

private:
  llvm::SmallPtrSet<const CXXThisExpr *, 8> All, Named;
  bool Unknown = false;
};

/// Explicit `this` captures of lambdas.
class ThisCaptures : public MatchFinder::MatchCallback, public Recorder {
public:
  explicit ThisCaptures(const Locator &Loc) : Loc(Loc) {}

  void registerMatchers(MatchFinder &Finder) override {
    Finder.addMatcher(lambdaExpr(unless(isExpansionInSystemHeader())).bind(LambdaId), this);
  }

  void run(const MatchFinder::MatchResult &R) override {
    if (const auto *L = R.Nodes.getNodeAs<LambdaExpr>(LambdaId))
      onLambda(L);
  }

  /// Appends what was recorded to \p Out, sorted.
  void finish(TUFacts &Out) override {
    for (auto &[Key, T] : Captures)
      Out.Scan.ThisCaptures.push_back(std::move(T));
  }

private:
  void onLambda(const LambdaExpr *L) {
    for (const LambdaCapture &C : L->explicit_captures())
      if (C.capturesThis())
        onCapture(L, C);
  }

  void onCapture(const LambdaExpr *L, const LambdaCapture &C) {
    SourceLocation At = C.getLocation();
    if (At.isInvalid() || !At.isFileID() || !Loc.inProject(At))
      return;
    const CXXRecordDecl *Owner = enclosingClass(L->getLambdaClass()->getDeclContext());
    if (!Owner)
      return;
    std::optional<SourceSpan> Capture = captureSpan(At);
    if (!Capture || !Capture->valid())
      return;

    ThisUseVisitor V;
    V.TraverseStmt(L->getBody());

    // An instantiation repeats its pattern's lambda: keep what any saw.
    auto [It, New] = Captures.try_emplace({Capture->File, Capture->Offset, Capture->Length});
    ThisCapture &T = It->second;
    if (New) {
      T.Capture = *Capture;
      T.Removal = removal(At, *Capture);
      T.Owner = qualifiedName(Owner->getTemplateInstantiationPattern()
                                  ? Owner->getTemplateInstantiationPattern()
                                  : Owner);
    }
    std::set<std::string> Fields(T.Fields.begin(), T.Fields.end());
    std::set<std::string> Methods(T.Methods.begin(), T.Methods.end());
    Fields.insert(V.Fields.begin(), V.Fields.end());
    Methods.insert(V.Methods.begin(), V.Methods.end());
    T.Fields.assign(Fields.begin(), Fields.end());
    T.Methods.assign(Methods.begin(), Methods.end());
    T.OtherUse = T.OtherUse || V.otherUse();
  }

  /// `this`, or `*this` (the capture's location is then the `*`).
  std::optional<SourceSpan> captureSpan(SourceLocation At) const {
    const SourceManager &SM = Loc.sourceManager();
    Token T;
    if (Lexer::getRawToken(At, T, SM, Loc.langOpts(), /*IgnoreWhiteSpace=*/true))
      return std::nullopt;
    SourceLocation End = T.getEndLoc();
    if (T.is(tok::star)) {
      if (Lexer::getRawToken(End, T, SM, Loc.langOpts(), /*IgnoreWhiteSpace=*/true))
        return std::nullopt;
      End = T.getEndLoc();
    }
    if (!T.is(tok::raw_identifier) || T.getRawIdentifier() != "this")
      return std::nullopt;
    return spanOf(At, SM.getFileOffset(End) - SM.getFileOffset(At));
  }

  SourceSpan spanOf(SourceLocation Begin, unsigned Length) const {
    const SourceManager &SM = Loc.sourceManager();
    SourceSpan S;
    S.File = Loc.file(Begin);
    S.Offset = SM.getFileOffset(Begin);
    S.Length = Length;
    S.Line = SM.getSpellingLineNumber(Begin);
    S.Column = SM.getSpellingColumnNumber(Begin);
    return S;
  }

  /// The capture with the comma before it, or (first in the list) with the
  /// comma and blanks after it; alone, the capture itself.
  SourceSpan removal(SourceLocation At, const SourceSpan &Capture) const {
    const SourceManager &SM = Loc.sourceManager();
    bool Invalid = false;
    llvm::StringRef Buffer = SM.getBufferData(SM.getFileID(At), &Invalid);
    if (Invalid)
      return {};
    auto [Offset, Length] = listElement(Buffer, Capture.Offset, Capture.Length);
    return spanOf(SM.getComposedLoc(SM.getFileID(At), Offset), Length);
  }

  const Locator &Loc;
  std::map<std::tuple<std::string, unsigned, unsigned>, ThisCapture> Captures;
};

} // namespace

std::unique_ptr<Recorder> thisCaptureRecorder(const Locator &Loc) {
  return std::make_unique<ThisCaptures>(Loc);
}

void recordThisCaptures(ASTContext &Ctx, const Locator &Loc, TUFacts &Out) {
  runRecorders(Ctx, {thisCaptureRecorder(Loc).get()}, Out);
}

} // namespace mm
