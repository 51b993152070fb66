//===--- WrapperBody.cpp - A wrapper method of the service, read ----------===//
//
// Over 600 lines: one visitor of a body and the reading of what it found,
// which are each other's only users.
//
//===----------------------------------------------------------------------===//

#include "matchers/WrapperBody.h"

#include "core/TextEdits.h"
#include "matchers/BuilderChain.h"
#include "matchers/CheckedMetricBody.h"
#include "matchers/LocalConstants.h"
#include "matchers/NeededHeaders.h"
#include "matchers/ServiceRecorder.h"

#include "clang/AST/ExprCXX.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/Lex/Lexer.h"

namespace mm {

using namespace clang;

namespace {

/// Everything a method body does that matters: parameter uses and metric
/// field uses (ranges to turn into holes), and `Add(..)` calls on fields.
class BodyVisitor : public RecursiveASTVisitor<BodyVisitor> {
public:
  BodyVisitor(const FunctionDecl *F, const std::map<const FieldDecl *, std::string> &Fields,
              const ContainerMap *Containers = nullptr)
      : F(F), Fields(Fields), Containers(Containers) {}

  bool VisitDeclRefExpr(DeclRefExpr *E) {
    if (const auto *P = dyn_cast<ParmVarDecl>(E->getDecl()))
      if (P->getDeclContext() == F)
        Holes.push_back({E->getSourceRange(), {TemplatePiece::Kind::Param, P->getName().str()}});
    if (const auto *VD = dyn_cast<VarDecl>(E->getDecl()); VD && LabelVariables.count(VD))
      Holes.push_back({E->getSourceRange(), {TemplatePiece::Kind::Local, VD->getName().str()}});
    if (const auto *FD = dyn_cast<FunctionDecl>(E->getDecl());
        !E->hasQualifier() && (isa<VarDecl>(E->getDecl()) ||
                               (FD && FD->getFriendObjectKind() == Decl::FOK_None)))
      qualifyIfBorrowed(E->getDecl(), E->getNameInfo().getSourceRange());
    if (const auto *VD = dyn_cast<VarDecl>(E->getDecl()); VD && isFileLocalConstant(VD))
      Constants.insert(VD);
    if (const FunctionDecl *FD = fileLocalFunction(E->getDecl()))
      Functions.insert(FD);
    return true;
  }

  bool VisitMemberExpr(MemberExpr *E) {
    if (!isa<CXXThisExpr>(E->getBase()->IgnoreParenImpCasts()))
      return true;
    if (const auto *M = dyn_cast<CXXMethodDecl>(E->getMemberDecl()))
      Called.insert(M->getCanonicalDecl());
    const auto *FD = dyn_cast<FieldDecl>(E->getMemberDecl());
    auto It = FD ? Fields.find(FD->getCanonicalDecl()) : Fields.end();
    if (It == Fields.end()) {
      if (const FieldDecl *Constant = constantMember(E))
        ConstantMembers.insert(Constant);
      else
        UsesState = true; // another field or a method of the service
      // A container the constructor filled with children of families
      // (`msg_[type] = &msg_family_->Add(..)`): the body records on them.
      if (FD && Containers)
        if (auto Filled = Containers->find(FD->getCanonicalDecl()); Filled != Containers->end())
          Touched.insert(Filled->second.begin(), Filled->second.end());
      return true;
    }
    Touched.insert(It->second);
    Holes.push_back({E->getSourceRange(), {TemplatePiece::Kind::Field, It->second}});
    return true;
  }

  /// A metric field given a new value (`hits_ = &family_.Add(..)`): what
  /// it holds is the service's state, so the body cannot leave the class.
  bool VisitBinaryOperator(BinaryOperator *BO) {
    if (BO->isAssignmentOp())
      if (const auto *ME = dyn_cast<MemberExpr>(BO->getLHS()->IgnoreParenImpCasts()))
        if (const auto *FD = dyn_cast<FieldDecl>(ME->getMemberDecl());
            FD && Fields.count(FD->getCanonicalDecl()))
          UsesState = true;
    return true;
  }

  bool VisitCXXMemberCallExpr(CXXMemberCallExpr *Call) {
    const CXXMethodDecl *M = Call->getMethodDecl();
    if (!M || !M->getIdentifier())
      return true;
    if (isRecordingMethod(M))
      if (std::optional<std::string> Field = fieldUnder(Call->getImplicitObjectArgument()))
        Operations[*Field].insert(M->getName().str());
    if (M->getName() != "Add") {
      const CXXMemberCallExpr *Add = nullptr;
      if (std::optional<std::string> Field = recordedOn(Call->getImplicitObjectArgument(), Add))
        Recordings.push_back({Call, *Field, Add});
      return true;
    }
    const auto *ME = dyn_cast<MemberExpr>(stripWrappers(Call->getImplicitObjectArgument()));
    if (!ME)
      return true;
    if (const auto *FD = dyn_cast<FieldDecl>(ME->getMemberDecl())) {
      auto It = Fields.find(FD->getCanonicalDecl());
      if (It != Fields.end())
        Adds.emplace_back(It->second, Call);
    }
    return true;
  }

  /// `if (a < b) return;`: the wrapper records nothing for some arguments.
  bool VisitIfStmt(IfStmt *If) {
    if (If->getElse() || If->getInit() || If->getConditionVariable()) {
      Branches.push_back(If);
      return true;
    }
    const Stmt *Then = If->getThen();
    if (const auto *Block = dyn_cast<CompoundStmt>(Then); Block && Block->size() == 1)
      Then = Block->body_front();
    const auto *Return = dyn_cast<ReturnStmt>(Then);
    const auto *Test = dyn_cast<BinaryOperator>(If->getCond()->IgnoreParenImpCasts());
    if (Return && !Return->getRetValue() && Test && Test->isComparisonOp() &&
        Test->getOpcode() != BO_Cmp)
      Guards.push_back({If, Test, Return});
    else
      Branches.push_back(If);
    return true;
  }

  /// Loops and jumps: what they hold may run any number of times.
  bool VisitStmt(Stmt *S) {
    if (isa<ForStmt, WhileStmt, DoStmt, CXXForRangeStmt, GotoStmt, IndirectGotoStmt,
            CXXTryStmt>(S))
      Branches.push_back(S);
    return true;
  }

  bool VisitReturnStmt(ReturnStmt *Return) {
    Returns.push_back(Return);
    return true;
  }

  /// `switch (param) { case X: label = "x"; break; .. }`: a label switch
  /// when a case assigns a literal to a local; any other switch branches.
  bool VisitSwitchStmt(SwitchStmt *S) {
    FoundSwitch Found{S, nullptr, nullptr, {}};
    const auto *Ref = dyn_cast<DeclRefExpr>(S->getCond()->IgnoreParenImpCasts());
    Found.Param = Ref ? dyn_cast<ParmVarDecl>(Ref->getDecl()) : nullptr;
    if (Found.Param && Found.Param->getDeclContext() == F)
      for (const SwitchCase *C = S->getSwitchCaseList(); C; C = C->getNextSwitchCase()) {
        const auto *Case = dyn_cast<CaseStmt>(C);
        if (!Case || Case->caseStmtIsGNURange())
          continue;
        auto [Variable, Literal] = assignedLiteral(Case->getSubStmt());
        if (!Variable || (Found.Variable && Found.Variable != Variable))
          continue;
        Found.Variable = Variable;
        Found.Cases.insert(Found.Cases.begin(), {Case->getLHS(), Literal});
      }
    if (Found.Variable) {
      LabelVariables.insert(Found.Variable);
      Switches.push_back(std::move(Found));
    } else {
      Branches.push_back(S);
    }
    return true;
  }

  /// A type named without a qualifier: `Histogram` in
  /// `Histogram::BucketBoundaries{..}` or `std::vector<Histogram>`.
  bool VisitElaboratedTypeLoc(ElaboratedTypeLoc TL) {
    if (!TL.getQualifierLoc() && TL.getTypePtr()->getKeyword() == ElaboratedTypeKeyword::None)
      qualifyType(TL.getNamedTypeLoc());
    return true;
  }
  bool TraverseNestedNameSpecifierLoc(NestedNameSpecifierLoc NNS) {
    if (NNS && !NNS.getPrefix() && NNS.getTypeLoc())
      qualifyType(NNS.getTypeLoc());
    return RecursiveASTVisitor::TraverseNestedNameSpecifierLoc(NNS);
  }

  struct Hole {
    SourceRange Range;
    TemplatePiece Piece; ///< A text piece: a name spelled with its namespace.
  };
  const FunctionDecl *F;
  const std::map<const FieldDecl *, std::string> &Fields;
  const ContainerMap *Containers;
  std::vector<Hole> Holes;
  std::set<std::string> Touched;
  std::set<const VarDecl *> Constants;
  std::set<const FunctionDecl *> Functions;
  std::set<const FieldDecl *> ConstantMembers;
  /// Locals a label switch assigns: their uses are holes.
  std::set<const VarDecl *> LabelVariables;
  bool UsesState = false;
  /// Methods of the service the body calls, canonical.
  std::set<const CXXMethodDecl *> Called;
  std::vector<std::pair<std::string, const CXXMemberCallExpr *>> Adds;
  /// Metric field -> the recording methods called on it or its children.
  std::map<std::string, std::set<std::string>> Operations;

  /// A call on a metric field, or on the child an `Add(..)` of one takes.
  struct FoundRecording {
    const CXXMemberCallExpr *Call;
    std::string Field;
    const CXXMemberCallExpr *Add; ///< Null when recorded on the field.
  };
  std::vector<FoundRecording> Recordings;
  struct FoundGuard {
    const IfStmt *If;
    const BinaryOperator *Test;
    const ReturnStmt *Return;
  };
  std::vector<FoundGuard> Guards;
  std::vector<const ReturnStmt *> Returns;
  struct FoundSwitch {
    const SwitchStmt *Switch;
    const ParmVarDecl *Param;
    const VarDecl *Variable;
    std::vector<std::pair<const Expr *, const StringLiteral *>> Cases; ///< In order.
  };
  std::vector<FoundSwitch> Switches;
  /// Statements deciding what runs, other than Guards and Switches (and
  /// ReturnStmts, which a guard may hold).
  std::vector<const Stmt *> Branches;

private:
  /// `label = "x"` (a built-in or a class's `operator=`) to a local of the
  /// body: the local and the literal.
  std::pair<const VarDecl *, const StringLiteral *> assignedLiteral(const Stmt *S) const {
    const Expr *To = nullptr, *From = nullptr;
    if (const auto *BO = dyn_cast_or_null<BinaryOperator>(S); BO && BO->getOpcode() == BO_Assign)
      To = BO->getLHS(), From = BO->getRHS();
    else if (const auto *OC = dyn_cast_or_null<CXXOperatorCallExpr>(S);
             OC && OC->getOperator() == OO_Equal && OC->getNumArgs() == 2)
      To = OC->getArg(0), From = OC->getArg(1);
    if (!To)
      return {};
    const auto *Ref = dyn_cast<DeclRefExpr>(To->IgnoreParenImpCasts());
    const auto *Variable = Ref ? dyn_cast<VarDecl>(Ref->getDecl()) : nullptr;
    if (!Variable || isa<ParmVarDecl>(Variable) || !Variable->hasLocalStorage() ||
        Variable->getDeclContext() != F)
      return {};
    const auto *Literal = dyn_cast<StringLiteral>(stripWrappers(From)->IgnoreParenImpCasts());
    return Literal ? std::make_pair(Variable, Literal)
                   : std::pair<const VarDecl *, const StringLiteral *>();
  }

public:
  /// The metric field a recording method is called on (through `*`, `->`
  /// and a smart pointer), and \p Add when on a child one `Add(..)` took.
  std::optional<std::string> recordedOn(const Expr *E, const CXXMemberCallExpr *&Add) const {
    std::optional<Reached> R = reach(E);
    Add = R ? R->Add : nullptr;
    if (!R || R->Adds > 1 || !R->OnThis)
      return std::nullopt;
    return R->Field;
  }

private:
  /// `Increment`, `Set`, `Observe`... of a prometheus metric.
  static bool isRecordingMethod(const CXXMethodDecl *M) {
    const auto *Class = M->getParent();
    if (!Class)
      return false;
    const auto *NS = dyn_cast<NamespaceDecl>(Class->getDeclContext());
    if (!NS || !NS->getIdentifier() || NS->getName() != "prometheus")
      return false;
    return llvm::is_contained({"Increment", "Decrement", "Set", "SetToCurrentTime", "Observe",
                               "ObserveMultiple"},
                              M->getName());
  }

  /// The metric field \p E reaches: `family_.Add(..)`, `(*child_)`,
  /// `this->hits_`; nothing through a local or a call of anything else.
  std::optional<std::string> fieldUnder(const Expr *E) const {
    std::optional<Reached> R = reach(E);
    return R ? std::optional<std::string>(R->Field) : std::nullopt;
  }

  /// Where a call's object leads, through `*`, `->`, a smart pointer and
  /// `Add(..)`: the metric field, the `Add` nearest the object, how many
  /// `Add`s, and whether the field is named on `this`.
  struct Reached {
    std::string Field;
    const CXXMemberCallExpr *Add = nullptr;
    unsigned Adds = 0;
    bool OnThis = false;
  };
  std::optional<Reached> reach(const Expr *E) const {
    Reached Out;
    for (int Depth = 0; E && Depth < 8; ++Depth) {
      E = stripWrappers(E);
      if (const auto *UO = dyn_cast<UnaryOperator>(E); UO && UO->getOpcode() == UO_Deref) {
        E = UO->getSubExpr();
      } else if (const auto *ME = dyn_cast<MemberExpr>(E)) {
        const auto *FD = dyn_cast<FieldDecl>(ME->getMemberDecl());
        auto It = FD ? Fields.find(FD->getCanonicalDecl()) : Fields.end();
        if (It == Fields.end())
          return std::nullopt;
        Out.Field = It->second;
        Out.OnThis = isa<CXXThisExpr>(ME->getBase()->IgnoreParenImpCasts());
        return Out;
      } else if (const auto *Call = dyn_cast<CXXMemberCallExpr>(E)) {
        const CXXMethodDecl *Callee = Call->getMethodDecl();
        if (!Callee || !Callee->getIdentifier() || Callee->getName() != "Add")
          return std::nullopt;
        if (!Out.Add)
          Out.Add = Call;
        ++Out.Adds;
        E = Call->getImplicitObjectArgument();
      } else if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(E);
                 Op && (Op->getOperator() == OO_Star || Op->getOperator() == OO_Arrow) &&
                 Op->getNumArgs() == 1) {
        E = Op->getArg(0); // through a smart pointer
      } else {
        return std::nullopt;
      }
    }
    return std::nullopt;
  }

  void qualifyType(TypeLoc TL) {
    if (auto TS = TL.getAs<TemplateSpecializationTypeLoc>()) {
      if (const TemplateDecl *T = TS.getTypePtr()->getTemplateName().getAsTemplateDecl())
        qualifyIfBorrowed(T, TS.getTemplateNameLoc());
    } else if (auto Tag = TL.getAs<TagTypeLoc>()) {
      qualifyIfBorrowed(Tag.getDecl(), Tag.getNameLoc());
    } else if (auto Typedef = TL.getAs<TypedefTypeLoc>()) {
      qualifyIfBorrowed(Typedef.getTypedefNameDecl(), Typedef.getNameLoc());
    }
  }

  /// \p D, named bare at \p Where, declared in a namespace that does not
  /// enclose the body: found through a using-directive or -declaration of
  /// this file, which the files the body goes to may lack. Spelled with its
  /// namespace there (`prometheus::Histogram`).
  void qualifyIfBorrowed(const NamedDecl *D, SourceRange Where) {
    if (!D || !D->getDeclName().isIdentifier() || Where.isInvalid())
      return;
    const DeclContext *DC = D->getDeclContext()->getRedeclContext();
    const auto *NS = dyn_cast<NamespaceDecl>(DC);
    if (!NS || NS->isAnonymousNamespace() || DC->Encloses(F->getDeclContext()))
      return;
    PrintingPolicy Policy(F->getASTContext().getLangOpts());
    Policy.SuppressUnwrittenScope = true;
    Policy.SuppressInlineNamespace = true;
    std::string Qualified;
    llvm::raw_string_ostream OS(Qualified);
    D->printQualifiedName(OS, Policy);
    Holes.push_back({Where, {TemplatePiece::Kind::Text, Qualified}});
  }
};

BodyKind classify(const FunctionDecl *F, const CompoundStmt *Body) {
  if (Body->size() == 1) {
    const Stmt *Only = Body->body_front();
    if (isa<Expr>(Only))
      return BodyKind::SingleExpression;
    if (const auto *R = dyn_cast<ReturnStmt>(Only);
        R && R->getRetValue() && !F->getReturnType()->isVoidType())
      return BodyKind::Other;
    return BodyKind::MultiStatement;
  }
  if (Body->size() == 0)
    return BodyKind::Other;
  return BodyKind::MultiStatement;
}

/// The arguments written between \p Call's parentheses; none when they are
/// not written in the body itself (a macro).
template <typename OffsetsFn, typename FillFn>
std::optional<BodyTemplate> writtenArguments(const CallExpr *Call, const OffsetsFn &Offsets,
                                             const FillFn &Fill) {
  std::vector<const Expr *> Args;
  for (const Expr *Arg : Call->arguments())
    if (!isa<CXXDefaultArgExpr>(Arg))
      Args.push_back(Arg);
  if (Args.empty())
    return BodyTemplate();
  auto At = Offsets(SourceRange(Args.front()->getBeginLoc(), Args.back()->getEndLoc()));
  if (!At)
    return std::nullopt;
  return Fill(At->first, At->second);
}

/// The one statement a cached child records with, as a template:
/// `family_->Add(..).Increment(..);`, `family_` a field hole. None when a
/// piece is not written in the body itself (a macro).
template <typename OffsetsFn, typename FillFn>
std::optional<BodyTemplate> cachedTemplate(const CachedChild &Cached, const OffsetsFn &Offsets,
                                           const FillFn &Fill) {
  auto Add = Offsets(Cached.Add->getSourceRange());
  std::optional<BodyTemplate> Values = writtenArguments(Cached.Record, Offsets, Fill);
  if (!Add || !Values)
    return std::nullopt;
  BodyTemplate Out = Fill(Add->first, Add->second);
  Out.appendText("." + Cached.Record->getMethodDecl()->getNameAsString() + "(");
  Out.append(*Values);
  Out.appendText(");");
  return Out;
}

/// What the parts \p Spans of a body record, and what decides whether they
/// do (Wrapper::Recordings, Guards, LabelSwitches, OtherBranches), from what
/// \p V found in the body.
template <typename OffsetsFn, typename FillFn>
void readRecordings(const BodyVisitor &V, llvm::ArrayRef<std::pair<unsigned, unsigned>> Spans,
                    const OffsetsFn &Offsets, const FillFn &Fill, const Locator &Loc,
                    Wrapper &W) {
  auto Within = [&](SourceRange R) -> std::optional<std::pair<unsigned, unsigned>> {
    auto At = Offsets(R);
    if (At && llvm::any_of(Spans, [&](const std::pair<unsigned, unsigned> &S) {
          return S.first <= At->first && At->second <= S.second;
        }))
      return At;
    return std::nullopt;
  };
  auto Piece = [&](const Expr *E) -> std::optional<BodyTemplate> {
    auto At = Offsets(E->getSourceRange());
    return At ? std::optional<BodyTemplate>(Fill(At->first, At->second)) : std::nullopt;
  };
  std::vector<std::pair<std::pair<unsigned, unsigned>, BodyRecording>> Found;
  for (const BodyVisitor::FoundRecording &R : V.Recordings) {
    auto At = Within(R.Call->getSourceRange());
    if (!At)
      continue;
    BodyRecording Out;
    Out.Metric = R.Field;
    Out.Op = R.Call->getMethodDecl()->getNameAsString();
    std::optional<BodyTemplate> Value = writtenArguments(R.Call, Offsets, Fill);
    std::optional<BodyTemplate> Labels =
        R.Add ? writtenArguments(R.Add, Offsets, Fill) : std::nullopt;
    if (!Value || (R.Add && !Labels))
      continue;
    Out.Value = std::move(*Value);
    Out.Labels = std::move(Labels);
    Found.push_back({*At, std::move(Out)});
  }
  // In the order written; one inside another's arguments is its value's.
  llvm::stable_sort(Found, [](const auto &A, const auto &B) {
    return std::make_pair(A.first.first, -int64_t(A.first.second)) <
           std::make_pair(B.first.first, -int64_t(B.first.second));
  });
  unsigned End = 0;
  for (auto &[At, R] : Found)
    if (At.first >= End) {
      End = At.second;
      W.Recordings.push_back(std::move(R));
    }
  std::set<const ReturnStmt *> Guarding;
  for (const BodyVisitor::FoundGuard &G : V.Guards) {
    if (!Within(G.If->getSourceRange()))
      continue;
    std::optional<BodyTemplate> Left = Piece(G.Test->getLHS()), Right = Piece(G.Test->getRHS());
    if (!Left || !Right)
      continue;
    W.Guards.push_back({std::move(*Left), G.Test->getOpcodeStr().str(), std::move(*Right)});
    Guarding.insert(G.Return);
  }
  for (const BodyVisitor::FoundSwitch &S : V.Switches) {
    if (!Within(S.Switch->getSourceRange()))
      continue;
    LabelSwitch Out{S.Param->getNameAsString(), S.Variable->getNameAsString(), {}};
    for (const auto &[Label, Literal] : S.Cases)
      Out.Cases.push_back({Loc.text(Label->getSourceRange()), Loc.text(Literal->getSourceRange())});
    W.LabelSwitches.push_back(std::move(Out));
  }
  // A statement whose place is not written in the body counts wherever it is.
  auto Overlaps = [&](const Stmt *S) {
    auto At = Offsets(S->getSourceRange());
    return !At || llvm::any_of(Spans, [&](const std::pair<unsigned, unsigned> &Span) {
      return Span.first < At->second && At->first < Span.second;
    });
  };
  W.OtherBranches = llvm::any_of(V.Branches, Overlaps) ||
                    llvm::any_of(V.Returns, [&](const ReturnStmt *R) {
                      return !Guarding.count(R) && Overlaps(R);
                    });
}

} // namespace

std::set<const CXXMethodDecl *>
recordMethod(const CXXMethodDecl *M, const std::map<const FieldDecl *, std::string> &Fields,
             const ContainerMap &Containers,
             const std::map<const FunctionDecl *, CachedChild> &Cached, const Locator &Loc,
             TUFacts &Out, std::map<std::string, Metric> &Metrics) {
  std::set<const CXXMethodDecl *> Called;
  Wrapper W;
  W.Name = M->getNameAsString();
  W.Signature = signatureOf(M);
  W.ReturnType = M->getReturnType().getAsString();
  W.Overrides = M->size_overridden_methods() > 0;
  W.Decl = Loc.span(M->getCanonicalDecl());
  for (const ParmVarDecl *P : M->getCanonicalDecl()->parameters()) {
    Param Q;
    Q.Name = P->getNameAsString();
    Q.Type = typeAsWritten(P, Loc);
    Q.Default = defaultArgument(P, Loc);
    W.Params.push_back(std::move(Q));
  }
  // Default arguments may be written only on the interface's declaration.
  for (const CXXMethodDecl *Base : M->overridden_methods()) {
    for (unsigned I = 0; I < W.Params.size() && I < Base->getNumParams(); ++I) {
      const ParmVarDecl *P = Base->getParamDecl(I);
      if (W.Params[I].Default.empty())
        W.Params[I].Default = defaultArgument(P, Loc);
    }
  }

  const FunctionDecl *Def = nullptr;
  if (M->hasBody(Def) && Def->doesThisDeclarationHaveABody()) {
    const auto *Body = dyn_cast<CompoundStmt>(Def->getBody());
    if (Body) {
      // Parameter names of the definition are what the body uses.
      for (unsigned I = 0; I < W.Params.size() && I < Def->getNumParams(); ++I)
        if (!Def->getParamDecl(I)->getName().empty())
          W.Params[I].Name = Def->getParamDecl(I)->getNameAsString();
      W.Definition = Loc.span(Def);
      W.Body = classify(Def, Body);
      const SourceManager &SM = Loc.sourceManager();
      SourceLocation Begin = Body->getLBracLoc().getLocWithOffset(1);
      SourceLocation End = Body->getRBracLoc();
      bool Invalid = false;
      llvm::StringRef Text = Lexer::getSourceText(
          CharSourceRange::getCharRange(Begin, End), SM, Loc.langOpts(), &Invalid);
      if (!Invalid) {
        BodyVisitor V(Def, Fields, &Containers);
        V.TraverseStmt(const_cast<CompoundStmt *>(Body));
        W.Metrics.assign(V.Touched.begin(), V.Touched.end());
        for (const auto &[Field, Ops] : V.Operations)
          W.Operations[Field].assign(Ops.begin(), Ops.end());
        W.UsesServiceState = V.UsesState;
        Called = V.Called;
        addConstants(V.Constants, Loc, W.LocalConstants, Out.Partial.TheService.LocalConstants);
        addFunctions(V.Functions, Loc, W.LocalConstants, Out.Partial.TheService.LocalConstants);
        addConstantMembers(V.ConstantMembers, Loc, W.LocalConstants,
                           Out.Partial.TheService.LocalConstants);
        NeededHeaders Needs(Loc, {M->getParent()->getLocation(), Def->getLocation()});
        Needs.add(Body);
        for (const VarDecl *VD : V.Constants)
          Needs.add(VD->getDefinition() ? VD->getDefinition() : VD);
        for (const FunctionDecl *FD : V.Functions)
          Needs.add(FD);
        for (const FieldDecl *FD : V.ConstantMembers)
          Needs.add(FD);
        unsigned BodyOffset = SM.getFileOffset(Begin);
        // Where the tokens of \p R lie in the body's text; none when they
        // are not written there (a macro).
        auto Offsets = [&](SourceRange R) -> std::optional<std::pair<unsigned, unsigned>> {
          if (R.getBegin().isMacroID() || R.getEnd().isMacroID())
            return std::nullopt;
          unsigned B = SM.getFileOffset(R.getBegin());
          unsigned E = SM.getFileOffset(
              Lexer::getLocForEndOfToken(R.getEnd(), 0, SM, Loc.langOpts()));
          if (B < BodyOffset || E > BodyOffset + Text.size() || E < B)
            return std::nullopt;
          return std::make_pair(B - BodyOffset, E - BodyOffset);
        };
        struct PlacedHole {
          unsigned Offset, Length;
          TemplatePiece Piece;
        };
        std::vector<PlacedHole> Holes;
        for (const auto &H : V.Holes)
          if (auto Where = Offsets(H.Range))
            Holes.push_back({Where->first, Where->second - Where->first, H.Piece});
        std::stable_sort(Holes.begin(), Holes.end(), [](const PlacedHole &A, const PlacedHole &B) {
          return std::tie(A.Offset, A.Length) < std::tie(B.Offset, B.Length);
        });
        // The text between two offsets of the body, with its holes.
        auto Fill = [&](unsigned From, unsigned To) {
          BodyTemplate Template;
          unsigned Pos = From;
          for (const PlacedHole &H : Holes) {
            if (H.Offset < Pos || H.Offset + H.Length > To)
              continue; // nested (e.g. a field inside a parameter's range)
            Template.appendText(Text.slice(Pos, H.Offset));
            Template.append(H.Piece);
            Pos = H.Offset + H.Length;
          }
          Template.appendText(Text.slice(Pos, To));
          return Template;
        };
        // Fill, without the whitespace at either end.
        auto Trimmed = [&](BodyTemplate Template) {
          Template.trim();
          return Template;
        };
        W.BodyText = Text.trim().str();
        W.Template = Trimmed(Fill(0, Text.size()));
        // The parts of the body the template holds.
        std::vector<std::pair<unsigned, unsigned>> Spans = {{0, unsigned(Text.size())}};
        std::set<const FieldDecl *> Pointers;
        for (const auto &[Field, Name] : Fields)
          if (Field->getType()->isPointerType())
            Pointers.insert(Field);
        std::vector<const Stmt *> Guarded = checkedMetricBody(*Body, Pointers);
        if (!Guarded.empty()) {
          // The statements the null check guarded, to the `;` ending the last.
          if (auto Where = Offsets(SourceRange(Guarded.front()->getBeginLoc(),
                                               Guarded.back()->getEndLoc()))) {
            auto [B, E] = *Where;
            size_t Semi = Text.find_first_not_of(" \t\r\n", E);
            if (Semi != llvm::StringRef::npos && Text[Semi] == ';')
              E = Semi + 1;
            W.Template = Trimmed(Fill(B, E));
            Spans = {{B, unsigned(E)}};
            W.Body = Guarded.size() == 1 && isa<Expr>(Guarded.front())
                         ? BodyKind::SingleExpression
                         : BodyKind::MultiStatement;
          }
        } else if (std::optional<CheckedConjunct> Cut = checkedConjunct(*Body, Pointers)) {
          // `if (child_ && ms >= 0.0)` is `if (ms >= 0.0)`: the test and
          // its `&&` go.
          auto Test = Offsets(Cut->Test->getSourceRange());
          auto Beside = Offsets(Cut->Beside->getSourceRange());
          if (Test && Beside) {
            auto [From, To] = Cut->TestFirst ? std::make_pair(Test->first, Beside->first)
                                             : std::make_pair(Beside->second, Test->second);
            BodyTemplate Both = Fill(0, From);
            Both.append(Fill(To, Text.size()));
            W.Template = Trimmed(std::move(Both));
            Spans = {{0, From}, {To, unsigned(Text.size())}};
          }
        }
        readRecordings(V, Spans, Offsets, Fill, Loc, W);
        if (auto It = Cached.find(Def); It != Cached.end()) {
          if (std::optional<BodyTemplate> One = cachedTemplate(It->second, Offsets, Fill)) {
            W.Template = *One;
            // What it records is the one statement the template is.
            const CXXMemberCallExpr *Add = nullptr;
            std::optional<std::string> Field = V.recordedOn(It->second.Add, Add);
            std::optional<BodyTemplate> Labels = writtenArguments(It->second.Add, Offsets, Fill);
            std::optional<BodyTemplate> Value =
                writtenArguments(It->second.Record, Offsets, Fill);
            W.Recordings.clear();
            W.Guards.clear();
            W.LabelSwitches.clear();
            W.OtherBranches = false;
            if (Field && Labels && Value)
              W.Recordings.push_back({*Field, std::move(Labels),
                                      It->second.Record->getMethodDecl()->getNameAsString(),
                                      std::move(*Value)});
            W.Body = BodyKind::SingleExpression;
            W.UsesServiceState = false;
            for (const FieldDecl *Cache : It->second.Caches)
              W.DroppedCaches.push_back({Cache->getNameAsString(), Loc.span(Cache)});
            std::sort(W.DroppedCaches.begin(), W.DroppedCaches.end(),
                      [](const CacheField &A, const CacheField &B) { return A.Field < B.Field; });
          }
        }
        // What moves is the template (a cache look-up or a `std::move`
        // around a parameter left behind) and the constants.
        std::string Spelled = W.Template.withHolesNamed();
        std::vector<llvm::StringRef> Moving = {Spelled};
        for (const auto &[Name, Definition] : W.LocalConstants)
          Moving.push_back(Definition);
        W.Includes = Needs.headersNamedIn(Moving);
        for (const auto &[Field, Call] : V.Adds) {
          AddCall A = readAddCall(Call, Loc);
          Metric &Partial = Metrics[Field];
          Partial.LabelNames.insert(Partial.LabelNames.end(), A.LabelNames.begin(),
                                    A.LabelNames.end());
          if (Partial.Buckets.empty() && !A.Buckets.empty()) {
            Partial.Buckets = A.Buckets;
            Partial.BucketsText = A.BucketsText;
          }
        }
      }
    }
  }
  Out.Partial.Wrappers.push_back(std::move(W));
  return Called;
}

} // namespace mm
