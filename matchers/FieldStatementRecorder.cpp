//===--- FieldStatementRecorder.cpp - Initializers and statements of injected fields ===//
//
// Takes a TU's AST and the interface set; hands on, in TUFacts::Scan, each
// member initializer of a field holding the service (in a constructor, a
// designated or positional aggregate initializer) and each statement that
// only sets, builds or frees such a field (`metrics_ = m;`, `delete m_;`,
// `m_.reset(new Svc)`), with the exact text to delete.
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
#include <set>
#include <tuple>

namespace mm {
namespace injection {

using namespace clang;
using namespace clang::ast_matchers;

namespace {

constexpr llvm::StringLiteral CtorId = "ctor";
constexpr llvm::StringLiteral InitListId = "initList";
constexpr llvm::StringLiteral AssignId = "assign";
constexpr llvm::StringLiteral DeleteId = "delete";
constexpr llvm::StringLiteral ResetId = "reset";

class FieldStatements : public MatchFinder::MatchCallback, public Recorder {
public:
  FieldStatements(const InterfaceSet &Set, const Locator &Loc) : Set(Set), Loc(Loc) {}

  void registerMatchers(MatchFinder &Finder) override {
    if (Set.Names.empty())
      return;
    auto InProject = unless(isExpansionInSystemHeader());
    auto InBlock = anyOf(hasParent(compoundStmt()),
                         hasParent(exprWithCleanups(hasParent(compoundStmt()))));
    Finder.addMatcher(cxxConstructorDecl(InProject, isDefinition()).bind(CtorId), this);
    Finder.addMatcher(initListExpr(InProject).bind(InitListId), this);
    Finder.addMatcher(expr(InProject,
                           anyOf(binaryOperator(isAssignmentOperator()),
                                 cxxOperatorCallExpr(hasOverloadedOperatorName("="))),
                           InBlock)
                          .bind(AssignId),
                      this);
    Finder.addMatcher(cxxDeleteExpr(InProject, hasParent(compoundStmt())).bind(DeleteId), this);
    Finder.addMatcher(
        cxxMemberCallExpr(InProject, callee(cxxMethodDecl(hasName("reset"))), InBlock)
            .bind(ResetId),
        this);
  }

  void run(const MatchFinder::MatchResult &R) override {
    if (const auto *Ctor = R.Nodes.getNodeAs<CXXConstructorDecl>(CtorId))
      onConstructor(Ctor);
    else if (const auto *L = R.Nodes.getNodeAs<InitListExpr>(InitListId))
      onInitList(L);
    else if (const auto *A = R.Nodes.getNodeAs<Expr>(AssignId))
      onAssignment(*R.Context, A);
    else if (const auto *D = R.Nodes.getNodeAs<CXXDeleteExpr>(DeleteId))
      onDelete(D);
    else if (const auto *Reset = R.Nodes.getNodeAs<CXXMemberCallExpr>(ResetId))
      onReset(*R.Context, Reset);
  }

  void finish(TUFacts &Out) override {
    llvm::sort(Inits, [](const MemberInit &A, const MemberInit &B) { return A.Init < B.Init; });
    llvm::append_range(Out.Scan.MemberInits, Inits);
  }

private:
  /// `EngineDeps{.session = s, .metrics = deps.metrics}`: a designated
  /// initializer of a field holding the service goes with the field, as a
  /// member initializer does.
  void onInitList(const InitListExpr *List) {
    const InitListExpr *Semantic = List->isSemanticForm() ? List : List->getSemanticForm();
    if (const InitListExpr *Written = List->getSyntacticForm())
      List = Written;
    if (Semantic && llvm::none_of(List->inits(), [](const Expr *E) {
          return isa_and_nonnull<DesignatedInitExpr>(E);
        }))
      onPositionalInit(Semantic);
    llvm::SmallVector<CharSourceRange, 8> Ranges;
    for (const Expr *Init : List->inits()) {
      SourceRange R = Init->getSourceRange();
      Ranges.push_back(writtenInFile(Loc, R.getBegin()) && writtenInFile(Loc, R.getEnd())
                           ? fileRange(Loc, R)
                           : CharSourceRange());
    }
    for (unsigned Idx = 0; Idx < List->getNumInits(); ++Idx) {
      const auto *D = dyn_cast<DesignatedInitExpr>(List->getInit(Idx));
      if (!D || D->size() != 1 || !D->getDesignator(0)->isFieldDesignator())
        continue;
      const FieldDecl *Field = D->getDesignator(0)->getFieldDecl();
      const auto *RD = Field ? dyn_cast<CXXRecordDecl>(Field->getParent()) : nullptr;
      auto Iface = Field ? interfaceOf(Field->getType(), Set) : std::nullopt;
      if (!RD || !Iface || Iface->second == Holder::Value || !Loc.inProject(D->getBeginLoc()))
        continue;
      MemberInit M;
      M.Init = Loc.span(D);
      if (!M.Init.valid() || !SeenInits.insert(keyOf(M.Init)).second)
        continue;
      M.Owner = className(RD);
      M.Field = Field->getNameAsString();
      M.Removal = listRemoval(Loc, Ranges, Idx);
      Inits.push_back(std::move(M));
    }
  }

  /// `Deps{&sessions, &metrics, cfg}`: the element that initializes, by
  /// position, a field holding the service goes with the field.
  void onPositionalInit(const InitListExpr *List) {
    const auto *RD = List->getType()->getAsCXXRecordDecl();
    if (!RD || !RD->isAggregate() || RD->isUnion() || RD->getNumBases() > 0 ||
        !Loc.inProject(List->getBeginLoc()))
      return;
    // The elements written, in order, and where each field's is.
    llvm::SmallVector<CharSourceRange, 8> Ranges;
    llvm::SmallVector<int, 8> WrittenAt; // per field: index in Ranges, or -1
    unsigned I = 0;
    for (const FieldDecl *F : RD->fields()) {
      (void)F;
      const Expr *Init = I < List->getNumInits() ? List->getInit(I) : nullptr;
      ++I;
      if (!Init || isa<ImplicitValueInitExpr, CXXDefaultInitExpr>(Init) ||
          Init->getSourceRange().isInvalid()) {
        WrittenAt.push_back(-1);
        continue;
      }
      SourceRange R = Init->getSourceRange();
      WrittenAt.push_back(Ranges.size());
      Ranges.push_back(writtenInFile(Loc, R.getBegin()) && writtenInFile(Loc, R.getEnd())
                           ? fileRange(Loc, R)
                           : CharSourceRange());
    }
    I = 0;
    for (const FieldDecl *Field : RD->fields()) {
      int At = WrittenAt[I++];
      auto Iface = interfaceOf(Field->getType(), Set);
      if (At < 0 || !Iface || Iface->second == Holder::Value || Ranges[At].isInvalid())
        continue;
      MemberInit M;
      M.Init = spanBetween(Loc, Ranges[At].getBegin(), Ranges[At].getEnd());
      if (!M.Init.valid() || !SeenInits.insert(keyOf(M.Init)).second)
        continue;
      M.Owner = className(RD);
      M.Field = Field->getNameAsString();
      M.Removal = listRemoval(Loc, Ranges, At);
      Inits.push_back(std::move(M));
    }
  }

  /// `metrics_ = metrics;`, `d.metrics = nullptr;`: a statement that only
  /// sets a field holding the service goes with the field, as a member
  /// initializer does, when what it assigns changes nothing else. So does
  /// one building the service into it (`ctx->metrics = new Svc(bind)`,
  /// `= std::make_unique<Svc>()`) from arguments without side effects: it
  /// is marked, for the planner to weigh what building the service does.
  void onAssignment(ASTContext &Ctx, const Expr *A) {
    const Expr *LHS = nullptr, *RHS = nullptr;
    if (const auto *BO = dyn_cast<BinaryOperator>(A); BO && BO->getOpcode() == BO_Assign) {
      LHS = BO->getLHS();
      RHS = BO->getRHS();
    } else if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(A);
               Op && Op->getOperator() == OO_Equal && Op->getNumArgs() == 2) {
      LHS = Op->getArg(0);
      RHS = Op->getArg(1);
    }
    if (!RHS)
      return;
    std::optional<bool> Creates = buildsImplementation(Ctx, RHS);
    if (!Creates && (RHS->HasSideEffects(Ctx, false) || callsProjectFunction(RHS)))
      return;
    onFieldStatement(A, LHS, Creates.value_or(false));
  }

  /// `makeMetrics(config)`, `pick(next())`: a call of a free function of
  /// the project, which may do anything (start an endpoint, log).
  static bool callsProjectFunction(const Expr *E) {
    const auto *Call = dyn_cast<CallExpr>(E->IgnoreUnlessSpelledInSource());
    if (!Call || isa<CXXMemberCallExpr>(Call))
      return false;
    const FunctionDecl *F = Call->getDirectCallee();
    return !F || !F->isInStdNamespace();
  }

  /// `delete metrics_;`: freeing what the field holds goes with the field.
  void onDelete(const CXXDeleteExpr *D) {
    if (D->isArrayForm())
      return;
    onFieldStatement(D, D->getArgument(), /*Creates=*/false);
  }

  /// `ctx->metrics.reset(new Svc(..))` builds the service into the field, as
  /// an assignment does; `ctx->metrics.reset()` frees it, as `delete` does.
  void onReset(ASTContext &Ctx, const CXXMemberCallExpr *Reset) {
    const Expr *Arg = Reset->getNumArgs() == 1 && !isa<CXXDefaultArgExpr>(Reset->getArg(0))
                          ? Reset->getArg(0)
                          : nullptr;
    std::optional<bool> Creates = Arg ? buildsImplementation(Ctx, Arg) : std::nullopt;
    if (Arg && !Creates && (Arg->HasSideEffects(Ctx, false) || callsProjectFunction(Arg)))
      return;
    onFieldStatement(Reset, Reset->getImplicitObjectArgument(), Creates.value_or(false));
  }

  /// If \p E only builds an implementation of the interfaces (the service,
  /// a class deriving from it, a double) with `new` or
  /// `std::make_unique`/`std::make_shared` (or a smart pointer made from
  /// `new`, or a call of a function whose body only returns one of those),
  /// from arguments without side effects (a call counts as one): whether
  /// that class is the service or derives from it.
  std::optional<bool> buildsImplementation(ASTContext &Ctx, const Expr *E, unsigned Depth = 0) {
    E = E->IgnoreUnlessSpelledInSource();
    if (Depth > 4)
      return std::nullopt;
    // `std::unique_ptr<Iface>(new Svc(..))`.
    if (const auto *Construct = dyn_cast<CXXConstructExpr>(E);
        Construct && Construct->getNumArgs() == 1)
      return buildsImplementation(Ctx, Construct->getArg(0), Depth + 1);
    if (const auto *Cast = dyn_cast<CXXFunctionalCastExpr>(E))
      return buildsImplementation(Ctx, Cast->getSubExpr(), Depth + 1);
    // `makeMetrics(port)`: a project function returning what it builds.
    if (const auto *Call = dyn_cast<CallExpr>(E); Call && !isa<CXXMemberCallExpr>(Call)) {
      const FunctionDecl *Factory = Call->getDirectCallee();
      const FunctionDecl *Def = nullptr;
      if (Factory && !Factory->isInStdNamespace() && Factory->hasBody(Def) &&
          Loc.inProject(Def->getLocation())) {
        const auto *Body = dyn_cast<CompoundStmt>(Def->getBody());
        const auto *Return = Body && Body->size() == 1
                                 ? dyn_cast<ReturnStmt>(Body->body_front())
                                 : nullptr;
        if (!Return || !Return->getRetValue() ||
            llvm::any_of(Call->arguments(),
                         [&](const Expr *Arg) { return Arg->HasSideEffects(Ctx, true); }))
          return std::nullopt;
        return buildsImplementation(Ctx, Return->getRetValue(), Depth + 1);
      }
    }
    const CXXRecordDecl *Built = nullptr;
    llvm::SmallVector<const Expr *, 4> Args;
    if (const auto *New = dyn_cast<CXXNewExpr>(E)) {
      if (New->isArray() || New->getNumPlacementArgs() > 0)
        return std::nullopt;
      Built = New->getAllocatedType()->getAsCXXRecordDecl();
      if (const CXXConstructExpr *Construct = New->getConstructExpr())
        Args.append(Construct->arg_begin(), Construct->arg_end());
      else if (const Expr *Init = New->getInitializer())
        Args.push_back(Init);
    } else if (const auto *Call = dyn_cast<CallExpr>(E)) {
      const FunctionDecl *FD = Call->getDirectCallee();
      const TemplateArgumentList *TArgs = FD ? FD->getTemplateSpecializationArgs() : nullptr;
      if (!FD || !FD->isInStdNamespace() || !TArgs || TArgs->size() < 1 ||
          TArgs->get(0).getKind() != TemplateArgument::Type ||
          !llvm::is_contained({"make_unique", "make_shared"}, FD->getName()))
        return std::nullopt;
      Built = TArgs->get(0).getAsType()->getAsCXXRecordDecl();
      Args.append(Call->arg_begin(), Call->arg_end());
    }
    if (!Built || !Set.isOrDerives(Built) ||
        llvm::any_of(Args, [&](const Expr *Arg) { return Arg->HasSideEffects(Ctx, true); }))
      return std::nullopt;
    const CXXRecordDecl *Service = Set.Service;
    return (Service && Built->getCanonicalDecl() == Service->getCanonicalDecl()) ||
           Set.derivesFromService(Built);
  }

  /// \p S, a statement that only sets or frees the field \p Target names,
  /// when that field holds the service.
  void onFieldStatement(const Expr *S, const Expr *Target, bool Creates) {
    const auto *ME = Target ? dyn_cast<MemberExpr>(Target->IgnoreParenImpCasts()) : nullptr;
    const auto *Field = ME ? dyn_cast<FieldDecl>(ME->getMemberDecl()) : nullptr;
    const auto *RD = Field ? dyn_cast<CXXRecordDecl>(Field->getParent()) : nullptr;
    if (!RD || RD->isLambda() || Set.isOrDerives(RD) || !Loc.inProject(S->getBeginLoc()) ||
        S->getBeginLoc().isMacroID())
      return;
    auto Iface = interfaceOf(Field->getType(), Set);
    if (!Iface || Iface->second == Holder::Value)
      return;
    CharSourceRange Whole = statementRange(Loc, S);
    if (Whole.isInvalid())
      return;
    MemberInit M;
    M.Init = spanBetween(Loc, Whole.getBegin(), Whole.getEnd());
    if (!M.Init.valid() || !SeenInits.insert(keyOf(M.Init)).second)
      return;
    const SourceManager &SM = Loc.sourceManager();
    bool Invalid = false;
    llvm::StringRef Buffer = SM.getBufferData(SM.getFileID(Whole.getBegin()), &Invalid);
    if (Invalid)
      return;
    auto [Offset, Length] = statementLines(Buffer, M.Init.Offset, M.Init.Length);
    M.Removal = M.Init;
    M.Removal.Offset = Offset;
    M.Removal.Length = Length;
    M.Owner = className(RD);
    M.Field = Field->getNameAsString();
    M.Creates = Creates;
    Inits.push_back(std::move(M));
  }

  void onConstructor(const CXXConstructorDecl *Ctor) {
    const CXXRecordDecl *RD = Ctor->getParent();
    if (RD->isLambda() || Set.isOrDerives(RD) || !Loc.inProject(Ctor->getLocation()))
      return;
    llvm::SmallVector<const CXXCtorInitializer *, 8> Written;
    for (const CXXCtorInitializer *I : Ctor->inits())
      if (I->isWritten())
        Written.push_back(I);
    llvm::sort(Written, [](const CXXCtorInitializer *A, const CXXCtorInitializer *B) {
      return A->getSourceOrder() < B->getSourceOrder();
    });
    llvm::SmallVector<CharSourceRange, 8> Ranges;
    for (const CXXCtorInitializer *I : Written) {
      SourceRange R = initializerRange(Loc, I);
      Ranges.push_back(writtenInFile(Loc, R.getBegin()) && writtenInFile(Loc, R.getEnd())
                           ? fileRange(Loc, R)
                           : CharSourceRange());
    }
    for (size_t Idx = 0; Idx < Written.size(); ++Idx) {
      const FieldDecl *Field = Written[Idx]->getAnyMember();
      if (!Field)
        continue;
      auto Iface = interfaceOf(Field->getType(), Set);
      if (!Iface || Iface->second == Holder::Value)
        continue;
      MemberInit M;
      M.Init = Loc.span(initializerRange(Loc, Written[Idx]));
      if (!M.Init.valid() || !SeenInits.insert(keyOf(M.Init)).second)
        continue;
      M.Owner = className(RD);
      M.Field = Field->getNameAsString();
      M.Removal = Written.size() > 1 ? listRemoval(Loc, Ranges, Idx)
                                     : aloneRemoval(Ctor, Ranges[Idx]);
      Inits.push_back(std::move(M));
    }
  }

  /// ` : metrics_(metrics)` for the only initializer \p Init of \p Ctor:
  /// from the end of the token before the `:` (or from the `:` and the
  /// blanks before it when a comment comes between).
  SourceSpan aloneRemoval(const CXXConstructorDecl *Ctor, CharSourceRange Init) const {
    if (Init.isInvalid())
      return {};
    const SourceManager &SM = Loc.sourceManager();
    SourceLocation After = Ctor->getLocation();
    if (FunctionTypeLoc FTL = Ctor->getFunctionTypeLoc())
      After = FTL.getRParenLoc();
    if (After.isInvalid() || After.isMacroID())
      return {};
    After = Lexer::getLocForEndOfToken(After, 0, SM, Loc.langOpts());
    if (SM.getFileID(After) != SM.getFileID(Init.getBegin()) ||
        !SM.isBeforeInTranslationUnit(After, Init.getBegin()))
      return {};
    std::unique_ptr<Lexer> Lex = lexerAt(Loc, After);
    if (!Lex)
      return {};
    Lex->SetCommentRetentionState(true);
    SourceLocation LastEnd = After;
    bool CommentSince = false;
    Token T;
    while (true) {
      Lex->LexFromRawLexer(T);
      if (T.is(tok::eof))
        return {};
      if (!SM.isBeforeInTranslationUnit(T.getLocation(), Init.getBegin()))
        return {};
      if (T.is(tok::colon))
        break;
      if (T.is(tok::comment)) {
        CommentSince = true;
        continue;
      }
      LastEnd = T.getEndLoc();
      CommentSince = false;
    }
    SourceLocation From = LastEnd;
    if (CommentSince) {
      From = T.getLocation();
      const char *Data = SM.getCharacterData(From);
      unsigned Col = SM.getSpellingColumnNumber(From);
      while (Col > 1 && isHorizontalWhitespace(Data[-1])) {
        --Data;
        --Col;
        From = From.getLocWithOffset(-1);
      }
    }
    return spanBetween(Loc, From, Init.getEnd());
  }

  const InterfaceSet &Set;
  const Locator &Loc;
  std::vector<MemberInit> Inits;
  /// Initializers already recorded: an instantiation repeats its pattern's.
  std::set<SpanKey> SeenInits;
};

} // namespace

std::unique_ptr<Recorder> fieldStatementRecorder(const InterfaceSet &Set, const Locator &Loc) {
  return std::make_unique<FieldStatements>(Set, Loc);
}

} // namespace injection
} // namespace mm
