//===--- ServiceRecorder.cpp - The service class, read --------------------===//

#include "matchers/ServiceRecorder.h"

#include "core/TextEdits.h"
#include "matchers/BuilderChain.h"
#include "matchers/CachedChild.h"
#include "matchers/CheckedMetricBody.h"
#include "matchers/NeededHeaders.h"
#include "matchers/SetUpStatement.h"

#include "clang/AST/ExprCXX.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"
#include "clang/ASTMatchers/ASTMatchers.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/Lex/Lexer.h"

#include <functional>
#include <map>
#include <set>

namespace mm {

using namespace clang;
using namespace clang::ast_matchers;

namespace {

/// The registry member's initializer: the text inside `m_registry(..)` (or
/// `{..}`), and the constructor parameter only it uses, whose name goes
/// when the initializer is replaced.
void recordRegistryInit(const CXXConstructorDecl &Ctor, const CXXCtorInitializer &Init,
                        const Locator &Loc, Service &S) {
  const Expr *E = Init.getInit();
  SourceLocation L = Init.getLParenLoc(), R = Init.getRParenLoc();
  if (const auto *CE = dyn_cast<CXXConstructExpr>(E->IgnoreImplicit());
      CE && L.isValid() && R.isValid() && CE->getNumArgs() == 1)
    E = CE->getArg(0);
  else if (const auto *List = dyn_cast<InitListExpr>(E->IgnoreImplicit());
           List && List->getNumInits() == 1)
    E = List->getInit(0);
  S.RegistryInit = Loc.span(E);
  ASTContext &Ctx = Ctor.getASTContext();
  auto Refs = [&](const Stmt &Within) {
    std::map<const ParmVarDecl *, unsigned> Count;
    for (const BoundNodes &N :
         match(findAll(declRefExpr(to(parmVarDecl().bind("p")))), Within, Ctx))
      ++Count[N.getNodeAs<ParmVarDecl>("p")];
    return Count;
  };
  auto InInit = Refs(*E);
  if (InInit.size() != 1)
    return;
  const ParmVarDecl *P = InInit.begin()->first;
  unsigned Elsewhere = 0;
  for (const CXXCtorInitializer *Other : Ctor.inits())
    if (Other != &Init && Other->isWritten())
      Elsewhere += Refs(*Other->getInit())[P];
  if (Ctor.getBody())
    Elsewhere += Refs(*Ctor.getBody())[P];
  if (Elsewhere == 0 && P->getIdentifier() && P->getDeclContext() == &Ctor)
    S.RegistryParam = Loc.span(SourceRange(P->getLocation(), P->getLocation()));
}

std::optional<MetricKind> kindOfRecord(const CXXRecordDecl *RD) {
  if (!RD || !RD->getIdentifier())
    return std::nullopt;
  const auto *NS = dyn_cast<NamespaceDecl>(RD->getDeclContext());
  if (!NS || NS->getName() != "prometheus")
    return std::nullopt;
  llvm::StringRef N = RD->getName();
  if (N == "Counter")
    return MetricKind::Counter;
  if (N == "Gauge")
    return MetricKind::Gauge;
  if (N == "Histogram")
    return MetricKind::Histogram;
  if (N == "Summary")
    return MetricKind::Summary;
  return std::nullopt;
}

/// A constant only its own file (or class) can name: in an anonymous
/// namespace, `static` at namespace scope, or a static member.
bool isFileLocalConstant(const VarDecl *VD) {
  if (!VD->hasGlobalStorage() || !VD->getType().isConstQualified() || VD->isStaticLocal())
    return false;
  return VD->isStaticDataMember() || !VD->isExternallyVisible();
}

/// A function only its own file can call (`static`, or in an anonymous
/// namespace), defined at namespace scope and not a template: a body using
/// it takes a copy along, as it does the file's constants.
const FunctionDecl *fileLocalFunction(const Decl *D) {
  const auto *FD = dyn_cast<FunctionDecl>(D);
  if (!FD || isa<CXXMethodDecl>(FD) || FD->isExternallyVisible() || FD->isTemplated())
    return nullptr;
  const FunctionDecl *Def = FD->getDefinition();
  if (!Def || !Def->getDeclContext()->isFileContext())
    return nullptr;
  return Def;
}

/// The comment lines directly above \p D, as written up to its first token
/// (so they end with the line break and indentation before it); "" when
/// there are none.
std::string commentAbove(const Decl *D, const Locator &Loc) {
  const SourceManager &SM = Loc.sourceManager();
  SourceLocation Begin = D->getBeginLoc();
  if (Begin.isInvalid() || !Begin.isFileID())
    return "";
  auto [FID, Offset] = SM.getDecomposedLoc(Begin);
  bool Invalid = false;
  llvm::StringRef Buffer = SM.getBufferData(FID, &Invalid);
  if (Invalid)
    return "";
  return Buffer.slice(leadingComment(Buffer, Offset), Offset).str();
}

/// Where a namespace-scope constant is defined, with the anonymous namespace
/// around it.
LocalConstantSite siteOf(const NamedDecl *Def, const Locator &Loc) {
  LocalConstantSite S;
  S.Name = Def->getNameAsString();
  S.Decl = Loc.span(Def->getSourceRange());
  if (const auto *NS = dyn_cast<NamespaceDecl>(Def->getLexicalDeclContext());
      NS && NS->isAnonymousNamespace())
    S.Namespace = Loc.span(NS->getSourceRange());
  return S;
}

/// `name -> definition` for each constant, as written with the comment lines
/// above it (a static member's definition loses nothing: `static` is fine at
/// namespace scope too); and, in \p Sites, where the namespace-scope ones
/// are defined.
void addConstants(const std::set<const VarDecl *> &Vars, const Locator &Loc,
                  std::map<std::string, std::string> &Out,
                  std::vector<LocalConstantSite> &Sites) {
  for (const VarDecl *VD : Vars) {
    const VarDecl *Def = VD->getDefinition() ? VD->getDefinition() : VD;
    if (!Def->getInit())
      continue;
    std::string Text = Loc.text(Def->getSourceRange());
    if (Text.empty())
      continue;
    if (!llvm::StringRef(Text).starts_with("static") && VD->isStaticDataMember())
      Text = "static " + Text;
    Out[VD->getNameAsString()] = commentAbove(Def, Loc) + Text + ";";
    if (!VD->isStaticDataMember() && Def->getDeclContext()->isFileContext())
      Sites.push_back(siteOf(Def, Loc));
  }
}

/// The same for file-local functions: `name -> definition`, and where.
void addFunctions(const std::set<const FunctionDecl *> &Functions, const Locator &Loc,
                  std::map<std::string, std::string> &Out,
                  std::vector<LocalConstantSite> &Sites) {
  for (const FunctionDecl *Def : Functions) {
    std::string Text = Loc.text(Def->getSourceRange());
    if (Text.empty())
      continue;
    Out[Def->getNameAsString()] = commentAbove(Def, Loc) + Text;
    Sites.push_back(siteOf(Def, Loc));
  }
}

} // namespace

namespace {

/// True when \p ME, a use of a member, only reads it: converted to a value,
/// seen as const (a const method's object, a const reference or a copy),
/// or handed to prometheus-cpp (`Family::Add` forwards bucket boundaries to
/// a constructor taking them as const).
bool onlyReads(ASTContext &Ctx, const MemberExpr &ME) {
  DynTypedNode Node = DynTypedNode::create(ME);
  for (;;) {
    DynTypedNodeList Parents = Ctx.getParents(Node);
    if (Parents.size() != 1)
      return false;
    Node = Parents[0];
    if (Node.get<ParenExpr>())
      continue;
    if (const auto *Cast = Node.get<ImplicitCastExpr>())
      return Cast->getCastKind() == CK_LValueToRValue ||
             (Cast->getCastKind() == CK_NoOp && Cast->getType().isConstQualified());
    if (const auto *Call = Node.get<CallExpr>()) {
      const auto *Callee = dyn_cast_or_null<FunctionDecl>(Call->getCalleeDecl());
      if (!Callee)
        return false;
      for (const DeclContext *DC = Callee->getDeclContext(); DC; DC = DC->getParent())
        if (const auto *NS = dyn_cast<NamespaceDecl>(DC); NS && NS->getName() == "prometheus")
          return true;
      return false;
    }
    return false;
  }
}

/// True when nothing of \p FD's class writes it: a private member its
/// constructors do not initialize (but for \p Giving, the initializer that
/// gives it its value, if any), that every method defined here only reads,
/// in a class without friends whose methods are all defined here (`const`
/// ones aside).
bool neverWritten(const FieldDecl &FD, const CXXCtorInitializer *Giving = nullptr) {
  const auto *RD = dyn_cast<CXXRecordDecl>(FD.getParent());
  if (!RD || FD.getAccess() != AS_private || RD->hasFriends())
    return false;
  ASTContext &Ctx = FD.getASTContext();
  auto Uses = findAll(memberExpr(member(equalsNode(&FD))).bind("use"));
  auto AllRead = [&](const Stmt &S) {
    return llvm::all_of(match(Uses, S, Ctx), [&](const BoundNodes &N) {
      return onlyReads(Ctx, *N.getNodeAs<MemberExpr>("use"));
    });
  };
  for (const Decl *D : RD->decls()) {
    const auto *M = dyn_cast<CXXMethodDecl>(D);
    if (const auto *T = dyn_cast<FunctionTemplateDecl>(D))
      M = dyn_cast<CXXMethodDecl>(T->getTemplatedDecl());
    if (!M || M->isImplicit() || M->isDefaulted() || M->isDeleted() || M->isPureVirtual())
      continue;
    const FunctionDecl *Def = nullptr;
    // A `const` method defined elsewhere cannot write a member that is not
    // `mutable`; any other may.
    if (!M->hasBody(Def) && M->isConst() && !M->isStatic())
      continue;
    if (!M->hasBody(Def))
      return false;
    if (const auto *Ctor = dyn_cast<CXXConstructorDecl>(Def))
      for (const CXXCtorInitializer *Init : Ctor->inits()) {
        if (Init->isWritten() && Init->getMember() == &FD && Init != Giving)
          return false;
        if (Init->isWritten() && !AllRead(*Init->getInit()))
          return false;
      }
    if (!AllRead(*Def->getBody()))
      return false;
  }
  return true;
}

} // namespace

/// Whether \p E is a value written in the code: literals, enumerators and
/// `const` variables, brace lists and arithmetic of them, and objects of the
/// standard library or prometheus-cpp built from them
/// (`std::vector<double>{0.1, 1}`). No call: `now()` is read when the
/// object is built, not when the program starts.
bool isWrittenConstant(const Expr *E) {
  if (!E)
    return false;
  E = E->IgnoreParenImpCasts();
  if (isa<IntegerLiteral, FloatingLiteral, StringLiteral, CharacterLiteral, CXXBoolLiteralExpr,
          CXXNullPtrLiteralExpr, ImplicitValueInitExpr>(E))
    return true;
  if (const auto *Ref = dyn_cast<DeclRefExpr>(E)) {
    if (isa<EnumConstantDecl>(Ref->getDecl()))
      return true;
    const auto *VD = dyn_cast<VarDecl>(Ref->getDecl());
    return VD && VD->getType().isConstQualified() && !isa<ParmVarDecl>(VD);
  }
  if (const auto *Construct = dyn_cast<CXXConstructExpr>(E)) {
    const auto *NS = dyn_cast<NamespaceDecl>(
        Construct->getConstructor()->getParent()->getEnclosingNamespaceContext());
    if (!Construct->getConstructor()->getParent()->isInStdNamespace() &&
        !(NS && NS->getIdentifier() && NS->getName() == "prometheus"))
      return false;
  } else if (const auto *Unary = dyn_cast<UnaryOperator>(E)) {
    if (Unary->getOpcode() != UO_Minus && Unary->getOpcode() != UO_Plus)
      return false;
  } else if (const auto *Binary = dyn_cast<BinaryOperator>(E)) {
    if (!Binary->isMultiplicativeOp() && !Binary->isAdditiveOp())
      return false;
  } else if (!isa<InitListExpr, CXXStdInitializerListExpr, MaterializeTemporaryExpr,
                  CXXBindTemporaryExpr, ExprWithCleanups, CXXFunctionalCastExpr,
                  CStyleCastExpr, CXXDefaultArgExpr>(E)) {
    return false;
  }
  for (const Stmt *Child : E->children())
    if (const auto *Sub = dyn_cast_or_null<Expr>(Child); Child && !isWrittenConstant(Sub))
      return false;
  return true;
}

const CXXCtorInitializer *constantInitializer(const FieldDecl &FD) {
  const auto *RD = dyn_cast<CXXRecordDecl>(FD.getParent());
  if (!RD || FD.hasInClassInitializer())
    return nullptr;
  const CXXCtorInitializer *Found = nullptr;
  unsigned Constructors = 0;
  for (const CXXConstructorDecl *Ctor : RD->ctors()) {
    if (Ctor->isImplicit() || Ctor->isCopyOrMoveConstructor() || Ctor->isDeleted())
      continue;
    ++Constructors;
    const FunctionDecl *Def = nullptr;
    if (!Ctor->hasBody(Def))
      return nullptr;
    for (const CXXCtorInitializer *Init : cast<CXXConstructorDecl>(Def)->inits())
      if (Init->isWritten() && Init->getMember() == &FD)
        Found = Init;
  }
  if (Constructors != 1 || !Found || !isWrittenConstant(Found->getInit()))
    return nullptr;
  return Found;
}

const FieldDecl *constantMember(const MemberExpr *E) {
  const auto *FD = dyn_cast<FieldDecl>(E->getMemberDecl());
  const auto *This = dyn_cast<CXXThisExpr>(E->getBase()->IgnoreParenImpCasts());
  if (!FD || !This || !This->isImplicit() || FD->isMutable() || FD->isBitField() ||
      FD->getType()->isReferenceType())
    return nullptr;
  if (!FD->hasInClassInitializer()) {
    // Its value given by its only constructor, as an in-class one would.
    const CXXCtorInitializer *Giving = constantInitializer(*FD);
    return Giving && (FD->getType().isConstQualified() || neverWritten(*FD, Giving)) ? FD
                                                                                     : nullptr;
  }
  const Expr *Init = FD->getInClassInitializer();
  if (!Init || mentionsThis(Init))
    return nullptr;
  return FD->getType().isConstQualified() || neverWritten(*FD) ? FD : nullptr;
}

namespace {

/// `name -> definition at namespace scope` for each constant member, as
/// written in the class with the comment lines above it; and, in \p Sites,
/// where the class declares it.
void addConstantMembers(const std::set<const FieldDecl *> &Members, const Locator &Loc,
                        std::map<std::string, std::string> &Out,
                        std::vector<LocalConstantSite> &Sites) {
  for (const FieldDecl *FD : Members) {
    std::string Text = Loc.text(FD->getSourceRange());
    if (Text.empty())
      continue;
    // A value its constructor gives follows the name, as written there
    // (`{0.1, 0.5}` of `mBounds{0.1, 0.5}`).
    const CXXCtorInitializer *Giving = constantInitializer(*FD);
    SourceSpan Initializer;
    if (Giving) {
      std::string Init = Loc.text(Giving->getSourceRange());
      llvm::StringRef Value = llvm::StringRef(Init);
      if (!Value.consume_front(FD->getName()))
        continue;
      Initializer = Loc.span(Giving->getSourceRange());
      if (!Initializer.valid())
        continue;
      Text += Value.ltrim().str();
    }
    // One no method writes is as good as const, and says so once out.
    Out[FD->getNameAsString()] =
        commentAbove(FD, Loc) + (FD->getType().isConstQualified() ? "" : "const ") + Text + ";";
    LocalConstantSite Site = siteOf(FD, Loc);
    Site.Member = true;
    Site.Initializer = Initializer;
    Sites.push_back(std::move(Site));
  }
}

/// Constants used anywhere under \p S.
class ConstantVisitor : public RecursiveASTVisitor<ConstantVisitor> {
public:
  bool VisitDeclRefExpr(DeclRefExpr *E) {
    if (const auto *VD = dyn_cast<VarDecl>(E->getDecl()); VD && isFileLocalConstant(VD))
      Found.insert(VD);
    if (const FunctionDecl *FD = fileLocalFunction(E->getDecl()))
      Functions.insert(FD);
    return true;
  }
  bool VisitMemberExpr(MemberExpr *E) {
    if (const FieldDecl *FD = constantMember(E))
      Members.insert(FD);
    return true;
  }
  std::set<const VarDecl *> Found;
  std::set<const FunctionDecl *> Functions;
  std::set<const FieldDecl *> Members;
};

/// Everything a method body does that matters: parameter uses and metric
/// field uses (ranges to turn into holes), and `Add(..)` calls on fields.
class BodyVisitor : public RecursiveASTVisitor<BodyVisitor> {
public:
  using ContainerMap = std::map<const FieldDecl *, std::set<std::string>>;
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
    Add = nullptr;
    for (int Depth = 0; E && Depth < 8; ++Depth) {
      E = stripWrappers(E);
      if (const auto *UO = dyn_cast<UnaryOperator>(E); UO && UO->getOpcode() == UO_Deref) {
        E = UO->getSubExpr();
      } else if (const auto *ME = dyn_cast<MemberExpr>(E)) {
        const auto *FD = dyn_cast<FieldDecl>(ME->getMemberDecl());
        auto It = FD ? Fields.find(FD->getCanonicalDecl()) : Fields.end();
        if (It == Fields.end() || !isa<CXXThisExpr>(ME->getBase()->IgnoreParenImpCasts()))
          return std::nullopt;
        return It->second;
      } else if (const auto *Call = dyn_cast<CXXMemberCallExpr>(E)) {
        const CXXMethodDecl *Callee = Call->getMethodDecl();
        if (Add || !Callee || !Callee->getIdentifier() || Callee->getName() != "Add")
          return std::nullopt;
        Add = Call;
        E = Call->getImplicitObjectArgument();
      } else if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(E);
                 Op && (Op->getOperator() == OO_Star || Op->getOperator() == OO_Arrow) &&
                 Op->getNumArgs() == 1) {
        E = Op->getArg(0);
      } else {
        return std::nullopt;
      }
    }
    return std::nullopt;
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
    for (int Depth = 0; E && Depth < 8; ++Depth) {
      E = stripWrappers(E);
      if (const auto *UO = dyn_cast<UnaryOperator>(E); UO && UO->getOpcode() == UO_Deref) {
        E = UO->getSubExpr();
      } else if (const auto *ME = dyn_cast<MemberExpr>(E)) {
        const auto *FD = dyn_cast<FieldDecl>(ME->getMemberDecl());
        auto It = FD ? Fields.find(FD->getCanonicalDecl()) : Fields.end();
        if (It == Fields.end())
          return std::nullopt;
        return It->second;
      } else if (const auto *Call = dyn_cast<CXXMemberCallExpr>(E)) {
        const CXXMethodDecl *Callee = Call->getMethodDecl();
        if (!Callee || !Callee->getIdentifier() || Callee->getName() != "Add")
          return std::nullopt;
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

/// `std::shared_ptr<prometheus::Registry>`.
bool isRegistryHolder(QualType T) {
  const auto *Spec = dyn_cast_or_null<ClassTemplateSpecializationDecl>(T->getAsCXXRecordDecl());
  if (!Spec || Spec->getName() != "shared_ptr" || Spec->getTemplateArgs().size() < 1)
    return false;
  const CXXRecordDecl *RD = Spec->getTemplateArgs()[0].getAsType()->getAsCXXRecordDecl();
  return RD && RD->getName() == "Registry" && isa<NamespaceDecl>(RD->getDeclContext()) &&
         cast<NamespaceDecl>(RD->getDeclContext())->getName() == "prometheus";
}

/// The class a field of type \p T owns: itself, or what a
/// `std::unique_ptr`, `std::shared_ptr` or `std::optional` holds.
const CXXRecordDecl *ownedRecord(QualType T) {
  const CXXRecordDecl *RD = T->getAsCXXRecordDecl();
  const auto *Spec = dyn_cast_or_null<ClassTemplateSpecializationDecl>(RD);
  if (Spec && Spec->isInStdNamespace() && Spec->getTemplateArgs().size() >= 1 &&
      Spec->getTemplateArgs()[0].getKind() == TemplateArgument::Type &&
      llvm::is_contained({"unique_ptr", "shared_ptr", "optional"}, Spec->getName()))
    return Spec->getTemplateArgs()[0].getAsType()->getAsCXXRecordDecl();
  return RD;
}

/// True when building or destroying an object of \p RD does something
/// outside it: a thread, an HTTP endpoint (`prometheus::Exposer`), a push
/// gateway, or a project class with a destructor of its own. The standard
/// library's containers and strings, and prometheus-cpp's families and
/// registries, only hold memory.
bool hasOutsideEffects(const CXXRecordDecl *RD) {
  if (!RD || !RD->hasDefinition())
    return false;
  RD = RD->getDefinition();
  if (RD->isInStdNamespace())
    return llvm::is_contained({"thread", "jthread"}, RD->getName());
  for (const DeclContext *DC = RD->getDeclContext(); DC; DC = DC->getParent())
    if (const auto *NS = dyn_cast<NamespaceDecl>(DC); NS && NS->getName() == "prometheus")
      return llvm::is_contained({"Exposer", "Gateway"}, RD->getName());
  return !RD->hasTrivialDestructor();
}

/// Service::Effects of \p Service: what building it does besides its
/// metrics, each in words.
std::vector<std::string> effectsOf(const CXXRecordDecl *Service) {
  std::vector<std::string> Effects;
  if (const CXXDestructorDecl *Dtor = Service->getDestructor()) {
    const FunctionDecl *Def = nullptr;
    if (Dtor->isUserProvided() && Dtor->hasBody(Def))
      if (const auto *Body = dyn_cast_or_null<CompoundStmt>(Def->getBody());
          Body && !Body->body_empty())
        Effects.push_back("its destructor");
  }
  for (const FieldDecl *FD : Service->fields()) {
    FieldStyle Style;
    MetricKind Kind;
    if (isMetricType(FD->getType(), Style, Kind) || isRegistryHolder(FD->getType()))
      continue;
    if (hasOutsideEffects(ownedRecord(FD->getType())))
      Effects.push_back("field " + FD->getNameAsString());
  }
  return Effects;
}

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

}  // namespace

std::string typeAsWritten(const DeclaratorDecl *D, const Locator &Loc) {
  if (const TypeSourceInfo *TSI = D->getTypeSourceInfo()) {
    // From the first decl-specifier: a TypeLoc leaves out local qualifiers.
    std::string Text = Loc.text(SourceRange(D->getBeginLoc(), TSI->getTypeLoc().getEndLoc()));
    if (!Text.empty())
      return Text;
  }
  return D->getType().getAsString();
}

namespace {

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

/// Records \p M; returns the methods of the service its body calls.
std::set<const CXXMethodDecl *>
recordMethod(const CXXMethodDecl *M, const std::map<const FieldDecl *, std::string> &Fields,
             const BodyVisitor::ContainerMap &Containers,
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

/// A method calling a wrapper of an interface records that wrapper's metrics
/// too (transitively): it is a wrapper itself, one that needs the service,
/// and the wrapper it calls has to stay with it.
void addCalledMetrics(
    std::vector<std::pair<const CXXMethodDecl *, std::set<const CXXMethodDecl *>>> &Methods,
    std::vector<Wrapper> &Wrappers) {
  std::map<const CXXMethodDecl *, Wrapper *> ByDecl;
  for (size_t I = 0; I < Methods.size(); ++I)
    ByDecl[Methods[I].first] = &Wrappers[Wrappers.size() - Methods.size() + I];
  for (bool Changed = true; Changed;) {
    Changed = false;
    for (auto &[Method, Called] : Methods) {
      Wrapper &Caller = *ByDecl.at(Method);
      for (const CXXMethodDecl *Callee : Called) {
        auto It = ByDecl.find(Callee);
        if (It == ByDecl.end() || It->second == &Caller ||
            Callee->size_overridden_methods() == 0)
          continue;
        for (const std::string &Field : It->second->Metrics)
          if (!llvm::is_contained(Caller.Metrics, Field)) {
            Caller.Metrics.push_back(Field);
            Changed = true;
          }
      }
      std::sort(Caller.Metrics.begin(), Caller.Metrics.end());
    }
  }
}

void applyChain(const BuilderChain &Chain, Metric &M) {
  M.Name = Chain.Name;
  M.Kind = Chain.Kind;
  M.Help = Chain.Help;
  M.ConstLabels = Chain.ConstLabels;
  M.BuilderChain = Chain.Text;
  M.RegisterAt = Chain.RegisterAt;
  M.RegistryArg = Chain.RegistryArg;
  M.BuiltBy = Chain.BuiltBy;
  M.ChildArgs = Chain.ChildArgs;
  M.LabelNames.insert(M.LabelNames.end(), Chain.ChildLabelNames.begin(),
                      Chain.ChildLabelNames.end());
  if (!Chain.Buckets.empty() || !Chain.BucketsText.empty()) {
    M.Buckets = Chain.Buckets;
    M.BucketsText = Chain.BucketsText;
  }
}

/// Whether \p Chain makes the family or child \p M was set to:
/// prometheus-cpp hands the second registration the first's.
bool sameChain(const BuilderChain &Chain, const Metric &M) {
  return std::tie(Chain.Name, Chain.Kind, Chain.Help, Chain.ConstLabels, Chain.RegistryArg,
                  Chain.ChildArgs, Chain.Buckets, Chain.BucketsText) ==
         std::tie(M.Name, M.Kind, M.Help, M.ConstLabels, M.RegistryArg, M.ChildArgs, M.Buckets,
                  M.BucketsText);
}

/// A local variable of a function holding a family it registers
/// (`auto& family = Build..Register(r);`), by reference or pointer.
bool isLocalFamily(const ValueDecl *VD) {
  FieldStyle Style;
  MetricKind Kind;
  return localFamilyHolder(VD) && isMetricType(VD->getType(), Style, Kind) &&
         (Style == FieldStyle::FamilyRef || Style == FieldStyle::FamilyPtr);
}

/// Whether \p E names a parameter or a local variable: a metric set from it
/// (`hits_ = &family_->Add({{"epoch", epoch}})`) is state, not set-up. A
/// local holding a family is not: a child is taken from it.
bool namesARuntimeValue(const Expr &E, ASTContext &Ctx) {
  for (const BoundNodes &N :
       match(findAll(declRefExpr(to(varDecl(hasLocalStorage()).bind("v")))), E, Ctx))
    if (!isLocalFamily(N.getNodeAs<VarDecl>("v")))
      return true;
  return false;
}

/// The declaration statement of \p Local, when it declares nothing else
/// and is a statement of \p Body itself (not of a nested block).
const DeclStmt *declarationIn(const Stmt *Body, const VarDecl *Local) {
  const auto *Compound = dyn_cast_or_null<CompoundStmt>(Body);
  if (!Compound)
    return nullptr;
  for (const Stmt *S : Compound->body())
    if (const auto *DS = dyn_cast<DeclStmt>(S); DS && DS->isSingleDecl() &&
                                               DS->getSingleDecl() == Local)
      return DS;
  return nullptr;
}

/// The use of a local family \p Value takes a child from (`family.Add(..)`),
/// if any.
const DeclRefExpr *childOfLocal(const Expr *Value, const Locator &Loc) {
  const ValueDecl *Holder = nullptr;
  if (!readChildOfHolder(Value, Loc, Holder) || !isLocalFamily(Holder))
    return nullptr;
  const auto *Add = cast<CXXMemberCallExpr>(stripWrappers(Value));
  return cast<DeclRefExpr>(Add->getImplicitObjectArgument()->IgnoreParenImpCasts());
}

/// `field_ = <chain>` statements in a constructor body or set-up method.
class AssignmentVisitor : public RecursiveASTVisitor<AssignmentVisitor> {
public:
  explicit AssignmentVisitor(const std::map<const FieldDecl *, std::string> &Fields)
      : Fields(Fields) {}
  bool VisitBinaryOperator(BinaryOperator *BO) {
    if (BO->getOpcode() == BO_Assign)
      record(BO->getLHS(), BO->getRHS(), BO);
    return true;
  }
  bool VisitCXXOperatorCallExpr(CXXOperatorCallExpr *OC) {
    if (OC->getOperator() == OO_Equal && OC->getNumArgs() == 2)
      record(OC->getArg(0), OC->getArg(1), OC);
    return true;
  }
  void record(const Expr *LHS, const Expr *RHS, const Stmt *Whole) {
    const auto *ME = dyn_cast<MemberExpr>(LHS->IgnoreParenImpCasts());
    if (!ME)
      return;
    const auto *FD = dyn_cast<FieldDecl>(ME->getMemberDecl());
    if (!FD || !Fields.count(FD->getCanonicalDecl()))
      return;
    Found.push_back({FD->getCanonicalDecl(), RHS, Whole});
  }
  struct Assignment {
    const FieldDecl *Field;
    const Expr *Value;
    const Stmt *Whole;
  };
  const std::map<const FieldDecl *, std::string> &Fields;
  std::vector<Assignment> Found;
};

} // namespace

bool isMetricType(QualType T, FieldStyle &Style, MetricKind &Kind) {
  bool Ref = T->isReferenceType();
  bool Ptr = T->isPointerType();
  QualType Pointee = Ref || Ptr ? T->getPointeeType() : T;
  const CXXRecordDecl *RD = Pointee->getAsCXXRecordDecl();
  if (!RD || (!Ref && !Ptr))
    return false;
  if (const auto *Spec = dyn_cast<ClassTemplateSpecializationDecl>(RD)) {
    const auto *NS = dyn_cast<NamespaceDecl>(Spec->getDeclContext());
    if (Spec->getName() == "Family" && NS && NS->getName() == "prometheus" &&
        Spec->getTemplateArgs().size() == 1) {
      auto K = kindOfRecord(Spec->getTemplateArgs()[0].getAsType()->getAsCXXRecordDecl());
      if (!K)
        return false;
      Kind = *K;
      Style = Ref ? FieldStyle::FamilyRef : FieldStyle::FamilyPtr;
      return true;
    }
  }
  auto K = kindOfRecord(RD);
  if (!K)
    return false;
  Kind = *K;
  Style = Ref ? FieldStyle::ChildRef : FieldStyle::ChildPtr;
  return true;
}

std::string signatureOf(const FunctionDecl *F) {
  PrintingPolicy Policy(F->getASTContext().getLangOpts());
  Policy.SuppressTagKeyword = true;
  std::string S = F->getNameAsString() + "(";
  for (unsigned I = 0; I < F->getNumParams(); ++I) {
    if (I)
      S += ", ";
    S += F->getParamDecl(I)->getType().getCanonicalType().getAsString(Policy);
  }
  S += ")";
  if (const auto *M = dyn_cast<CXXMethodDecl>(F); M && M->isConst())
    S += " const";
  return S;
}

namespace {

/// \p Arg without implicit nodes, copies and `std::move`.
const Expr *handedValue(const Expr *Arg) {
  const Expr *E = Arg->IgnoreImplicit();
  while (true) {
    if (const auto *Copy = dyn_cast<CXXConstructExpr>(E); Copy && Copy->getNumArgs() == 1)
      E = Copy->getArg(0)->IgnoreImplicit();
    else if (const Expr *Moved = movedFrom(E))
      E = Moved->IgnoreImplicit();
    else
      return E;
  }
}


/// The arguments of a construction or a call, and what it calls.
std::pair<llvm::ArrayRef<const Expr *>, const FunctionDecl *> argumentsOf(const Expr *Call) {
  if (const auto *CE = dyn_cast<CXXConstructExpr>(Call))
    return {llvm::ArrayRef(CE->getArgs(), CE->getNumArgs()), CE->getConstructor()};
  const auto *CE = cast<CallExpr>(Call);
  return {llvm::ArrayRef(CE->getArgs(), CE->getNumArgs()), CE->getDirectCallee()};
}

} // namespace

const CallExpr *freshRegistryIn(const Expr *Arg, const Locator &Loc) {
  const Expr *E = handedValue(Arg);
  if (!isRegistryHolder(E->getType()))
    return nullptr;
  const Expr *Init = nullptr;
  if (const auto *Ref = dyn_cast<DeclRefExpr>(E)) {
    if (const auto *VD = dyn_cast<VarDecl>(Ref->getDecl());
        VD && VD->hasLocalStorage() && !isa<ParmVarDecl>(VD))
      Init = VD->getInit();
  } else if (const auto *ME = dyn_cast<MemberExpr>(E)) {
    if (const auto *FD = dyn_cast<FieldDecl>(ME->getMemberDecl()))
      Init = FD->getInClassInitializer();
  }
  const auto *Make = Init ? dyn_cast<CallExpr>(Init->IgnoreImplicit()) : nullptr;
  const FunctionDecl *Callee = Make ? Make->getDirectCallee() : nullptr;
  if (!Callee || Make->getNumArgs() != 0 || !Callee->isInStdNamespace() ||
      Callee->getName() != "make_shared" || !Loc.inProject(Make->getBeginLoc()) ||
      Make->getBeginLoc().isMacroID())
    return nullptr;
  return Make;
}

void recordGivenRegistries(const CXXRecordDecl *Service, ASTContext &Ctx, const Locator &Loc,
                           TUFacts &Out) {
  // The service built by its constructor or by std::make_shared.
  auto Builds = expr(anyOf(
      cxxConstructExpr(hasDeclaration(cxxConstructorDecl(ofClass(equalsNode(Service))))),
      callExpr(callee(functionDecl(hasName("::std::make_shared"))),
               hasType(hasUnqualifiedDesugaredType(recordType(hasDeclaration(
                   classTemplateSpecializationDecl(hasTemplateArgument(0, refersToType(
                       hasUnqualifiedDesugaredType(recordType(hasDeclaration(
                           cxxRecordDecl(equalsNode(Service)))))))))))))));
  std::set<const Expr *> Inits, Built;
  for (const BoundNodes &N : match(findAll(expr(Builds).bind("build")), Ctx)) {
    Built.insert(N.getNodeAs<Expr>("build"));
    for (const Expr *Arg : argumentsOf(N.getNodeAs<Expr>("build")).first) {
      if (const CallExpr *Make = freshRegistryIn(Arg, Loc)) {
        if (Inits.insert(Make).second)
          Out.Scan.GivenRegistries.push_back(Loc.span(Make));
        continue;
      }
      // A parameter handed on: its callers' registries are given too.
      const auto *Ref = dyn_cast<DeclRefExpr>(handedValue(Arg));
      const auto *P = Ref ? dyn_cast<ParmVarDecl>(Ref->getDecl()) : nullptr;
      const auto *F = P ? dyn_cast<FunctionDecl>(P->getDeclContext()) : nullptr;
      const auto *M = dyn_cast_or_null<CXXMethodDecl>(F);
      if (F && isRegistryHolder(P->getType()) && !(M && M->getParent()->isLambda()))
        Out.Scan.RegistryHandOffs.push_back({qualifiedName(F), P->getFunctionScopeIndex(), {}});
    }
  }
  // Every call handing a fresh registry to some function's parameter.
  for (const BoundNodes &N :
       match(findAll(expr(anyOf(cxxConstructExpr(), callExpr())).bind("call")), Ctx)) {
    auto [Args, Callee] = argumentsOf(N.getNodeAs<Expr>("call"));
    if (!Callee || Built.count(N.getNodeAs<Expr>("call")))
      continue;
    for (size_t I = 0; I < Args.size(); ++I)
      if (const CallExpr *Make = freshRegistryIn(Args[I], Loc))
        Out.Scan.RegistryHandOffs.push_back(
            {qualifiedName(Callee), static_cast<unsigned>(I), Loc.span(Make)});
  }
  llvm::sort(Out.Scan.GivenRegistries);
  llvm::sort(Out.Scan.RegistryHandOffs);
  Out.Scan.RegistryHandOffs.erase(
      std::unique(Out.Scan.RegistryHandOffs.begin(), Out.Scan.RegistryHandOffs.end()),
      Out.Scan.RegistryHandOffs.end());
}

/// The methods of \p Service defined here whose bodies are a cached child
/// (CachedChild.h), by definition; only those whose caches no other code of
/// the service names, since the caches stop being filled.
std::map<const FunctionDecl *, CachedChild>
cachedChildren(const CXXRecordDecl &Service,
               const std::map<const FieldDecl *, std::string> &Fields) {
  std::map<const FunctionDecl *, CachedChild> Out;
  std::vector<const FunctionDecl *> Bodies;
  for (const CXXMethodDecl *M : Service.methods()) {
    const FunctionDecl *Def = nullptr;
    if (M->isImplicit() || !M->hasBody(Def) || !Def->doesThisDeclarationHaveABody())
      continue;
    Bodies.push_back(Def);
    if (const auto *Body = dyn_cast<CompoundStmt>(Def->getBody()))
      if (std::optional<CachedChild> C = cachedChild(*Body, Fields))
        Out.emplace(Def, std::move(*C));
  }
  std::set<const FieldDecl *> UsedElsewhere;
  for (const FunctionDecl *Def : Bodies) {
    if (Out.count(Def))
      continue;
    for (const BoundNodes &N :
         match(findAll(memberExpr(member(fieldDecl().bind("f")))), *Def->getBody(),
               Service.getASTContext()))
      UsedElsewhere.insert(N.getNodeAs<FieldDecl>("f")->getCanonicalDecl());
    if (const auto *Ctor = dyn_cast<CXXConstructorDecl>(Def))
      for (const CXXCtorInitializer *Init : Ctor->inits())
        if (Init->isWritten() && Init->getMember())
          UsedElsewhere.insert(Init->getMember()->getCanonicalDecl());
  }
  for (auto It = Out.begin(); It != Out.end();)
    It = llvm::any_of(It->second.Caches,
                      [&](const FieldDecl *Cache) { return UsedElsewhere.count(Cache) > 0; })
             ? Out.erase(It)
             : std::next(It);
  return Out;
}

void recordService(const CXXRecordDecl *Service, const Locator &Loc, TUFacts &Out) {
  Out.SawService = true;
  Catalog &C = Out.Partial;
  C.TheService.Name = qualifiedName(Service);
  C.TheService.Namespace = namespaceOf(Service);
  C.TheService.Loc = Loc.span(Service);
  C.TheService.Header = C.TheService.Loc.File;

  // Names the header declares at namespace scope.
  std::set<std::string> HeaderNames;
  const SourceManager &SM = Loc.sourceManager();
  FileID HeaderFID = SM.getFileID(SM.getFileLoc(Service->getLocation()));
  for (const DeclContext *DC = Service->getDeclContext(); DC; DC = nullptr)
    for (const Decl *D : DC->decls())
      if (const auto *ND = dyn_cast<NamedDecl>(D);
          ND && ND->getIdentifier() && ND->getDeclContext() == DC &&
          SM.getFileID(SM.getFileLoc(ND->getLocation())) == HeaderFID)
        HeaderNames.insert(ND->getNameAsString());
  C.TheService.HeaderNames.assign(HeaderNames.begin(), HeaderNames.end());

  // Interfaces: the service and every polymorphic base.
  Service->forallBases([&](const CXXRecordDecl *Base) {
    if (!Base->isPolymorphic())
      return true;
    Interface I{qualifiedName(Base), Base->isAbstract(), Loc.span(Base), {}};
    for (const CXXMethodDecl *M : Base->methods())
      if (!M->isImplicit() && M->getIdentifier())
        I.Methods.push_back(methodDecl(M, Loc));
    C.Interfaces.push_back(std::move(I));
    return true;
  });

  C.TheService.Effects = effectsOf(Service);

  // Metric fields.
  std::map<const FieldDecl *, std::string> Fields;
  std::map<std::string, Metric> Metrics;
  for (const FieldDecl *FD : Service->fields()) {
    FieldStyle Style;
    MetricKind Kind;
    if (!isMetricType(FD->getType(), Style, Kind))
      continue;
    Fields[FD->getCanonicalDecl()] = FD->getNameAsString();
    Metric &M = Metrics[FD->getNameAsString()];
    M.Field = FD->getNameAsString();
    M.FieldType = typeAsWritten(FD, Loc);
    M.Style = Style;
    M.Kind = Kind;
    M.FieldDecl = Loc.span(FD);
    if (FD->hasInClassInitializer()) {
      M.Init = InitStyle::DefaultInitializer;
      if (auto Chain = readBuilderChain(FD->getInClassInitializer(), Loc)) {
        applyChain(*Chain, M);
        M.InitSite = Loc.span(FD->getInClassInitializer());
      }
    }
  }

  // What sets a metric field: a builder chain, or a child taken from a
  // family whose chain is known by then, held in a field
  // (`&family_->Add({..})`) or in a local of the same function
  // (`auto& family = Build..Register(r);`). Such a local is a family of the
  // service with no field: its declaration is where it is set up, and it
  // goes where the family goes.
  std::map<std::string, std::string> FamilyOf; // child field -> family field
  // A family field registered again under an earlier one's name -> that one.
  std::map<std::string, std::string> SameAs;
  std::map<const VarDecl *, std::string> LocalFamilies;
  // Uses of those locals that take a child into a field.
  std::set<const DeclRefExpr *> ChildTakings;
  auto HolderName = [&](const ValueDecl *Holder) -> std::string {
    if (const auto *FD = dyn_cast<FieldDecl>(Holder); FD && Fields.count(FD))
      return Fields.at(FD);
    const auto *VD = dyn_cast<VarDecl>(Holder);
    return VD && LocalFamilies.count(VD) ? LocalFamilies.at(VD) : "";
  };
  auto ChainOf = [&](const Expr *Value, const ValueDecl *FD) -> std::optional<BuilderChain> {
    if (auto Chain = readBuilderChain(Value, Loc))
      return Chain;
    const ValueDecl *Family = nullptr;
    std::optional<BuilderChain> Child = readChildOfHolder(Value, Loc, Family);
    std::string FamilyField = Child ? HolderName(Family) : "";
    if (FamilyField.empty() || Family == FD->getCanonicalDecl())
      return std::nullopt;
    if (auto First = SameAs.find(FamilyField); First != SameAs.end())
      FamilyField = First->second;
    const Metric &F = Metrics[FamilyField];
    if (F.BuilderChain.empty() || F.ChildArgs)
      return std::nullopt;
    Child->Kind = F.Kind;
    Child->Name = F.Name;
    Child->Help = F.Help;
    Child->ConstLabels = F.ConstLabels;
    Child->RegistryArg = F.RegistryArg;
    Child->Text = F.BuilderChain;
    Child->RegisterAt = F.RegisterAt;
    FamilyOf[FD->getNameAsString()] = FamilyField;
    if (const DeclRefExpr *Local = childOfLocal(Value, Loc))
      ChildTakings.insert(Local);
    return Child;
  };
  // The families each constructor or set-up method has registered so far,
  // by name: one registered again there is the same family.
  std::map<std::string, std::string> RegisteredHere; // name -> field
  // The headers what moves with a metric names: its chain or set-up
  // statement and the file-local constants and helpers they use.
  auto addNeeds = [&](Metric &M, const std::vector<const Stmt *> &Code,
                      const ConstantVisitor &CV) {
    std::vector<SourceLocation> From = {Service->getLocation()};
    for (const Stmt *S : Code)
      From.push_back(S->getBeginLoc());
    NeededHeaders Needs(Loc, From);
    for (const Stmt *S : Code)
      Needs.add(S);
    for (const VarDecl *VD : CV.Found)
      Needs.add(VD->getDefinition() ? VD->getDefinition() : VD);
    for (const FunctionDecl *FD : CV.Functions)
      Needs.add(FD);
    for (const FieldDecl *FD : CV.Members)
      Needs.add(FD);
    mergeHeaders(M.Includes, Needs.headers());
  };

  // The function body Record is reading, where a local family is declared.
  const Stmt *Body = nullptr;
  std::function<bool(const ValueDecl *, const Expr *, InitStyle, SourceSpan)> Record;
  // A local family a child is taken from, recorded the first time one is.
  auto RecordLocalFamily = [&](const VarDecl *Local, InitStyle Style) {
    std::string Name = Local->getNameAsString();
    const DeclStmt *Declared = declarationIn(Body, Local);
    FieldStyle HeldAs;
    MetricKind Kind;
    if (LocalFamilies.count(Local) || !Declared || Metrics.count(Name) ||
        !isMetricType(Local->getType(), HeldAs, Kind))
      return;
    LocalFamilies[Local] = Name;
    Metric &M = Metrics[Name];
    M.Field = Name;
    M.FieldType = typeAsWritten(Local, Loc);
    M.Style = HeldAs;
    M.Kind = Kind;
    if (!Record(Local, Local->getInit(), Style, Loc.span(Declared))) {
      LocalFamilies.erase(Local);
      Metrics.erase(Name);
    }
  };
  Record = [&](const ValueDecl *FD, const Expr *Value, InitStyle Style, SourceSpan Site) {
    if (const DeclRefExpr *Local = childOfLocal(Value, Loc))
      RecordLocalFamily(cast<VarDecl>(Local->getDecl()), Style);
    std::optional<BuilderChain> Chain = ChainOf(Value, FD);
    Metric &M = Metrics[FD->getNameAsString()];
    if (!Chain) {
      // Set by a function whose chain cannot be read: the review says which.
      if (M.BuilderChain.empty())
        M.BuiltBy = builtBy(Value);
      return false;
    }
    if (M.InitSite.valid() && !(M.InitSite == Site) && M.Init != InitStyle::DefaultInitializer) {
      // Set again: the same chain hands back the same family or child.
      auto FamilyNow = FamilyOf.find(M.Field);
      bool SameFamily = !M.Family || (FamilyNow != FamilyOf.end() &&
                                      FamilyNow->second == M.Family->Field);
      if (sameChain(*Chain, M) && SameFamily)
        M.SetAgain.push_back({M.Field, {}, std::move(Site), Style});
      else
        M.SetTwoWays = true;
      return true;
    }
    bool IsFamily = M.Style == FieldStyle::FamilyRef || M.Style == FieldStyle::FamilyPtr;
    if (IsFamily && !Chain->ChildArgs && !FamilyOf.count(M.Field) && !Chain->Name.empty()) {
      auto [First, New] = RegisteredHere.emplace(Chain->Name, M.Field);
      Metric &Earlier = Metrics[First->second];
      if (!New && Earlier.Style == M.Style && Chain->Kind == Earlier.Kind &&
          Chain->ConstLabels == Earlier.ConstLabels &&
          Chain->RegistryArg == Earlier.RegistryArg) {
        // Another field registering the same name, kind and constant
        // labels on the same registry: prometheus-cpp hands it the family
        // registered first.
        Earlier.SetAgain.push_back({M.Field, M.FieldDecl, std::move(Site), Style});
        SameAs[M.Field] = Earlier.Field;
        return true;
      }
    }
    applyChain(*Chain, M);
    if (const DeclRefExpr *Read = Chain->RuntimeRead) {
      M.RuntimeRead = "`" + Read->getDecl()->getNameAsString() + "`, " +
                      (isa<ParmVarDecl>(Read->getDecl()) ? "a parameter" : "a local variable");
      if (const auto *Around =
              dyn_cast_or_null<FunctionDecl>(Read->getDecl()->getParentFunctionOrMethod()))
        M.RuntimeRead += isa<CXXConstructorDecl>(Around)
                             ? " of " + Around->getNameAsString() + "'s constructor"
                             : " of `" + Around->getNameAsString() + "()`";
      M.RuntimeReadAt = Loc.span(Read);
    }
    ConstantVisitor CV;
    if (Chain->Sources.empty())
      CV.TraverseStmt(const_cast<Expr *>(Value));
    for (const Expr *Source : Chain->Sources)
      CV.TraverseStmt(const_cast<Expr *>(Source));
    // A file-local helper the chain was spelled out of goes once nothing
    // calls it any more.
    if (const FunctionDecl *Helper = Chain->Helper ? fileLocalFunction(Chain->Helper) : nullptr)
      C.TheService.LocalConstants.push_back(siteOf(Helper, Loc));
    // So does a lambda held in a local of the function.
    if (const DeclStmt *Lambda =
            Chain->HelperLocal ? declarationIn(Body, Chain->HelperLocal) : nullptr)
      C.TheService.LocalConstants.push_back(
          {Chain->HelperLocal->getNameAsString(), Loc.span(Lambda), {}, false, {}});
    addConstants(CV.Found, Loc, M.LocalConstants, C.TheService.LocalConstants);
    addFunctions(CV.Functions, Loc, M.LocalConstants, C.TheService.LocalConstants);
    addConstantMembers(CV.Members, Loc, M.LocalConstants, C.TheService.LocalConstants);
    addNeeds(M, Chain->Sources.empty() ? std::vector<const Stmt *>{Value}
                                       : std::vector<const Stmt *>(Chain->Sources.begin(),
                                                                   Chain->Sources.end()),
             CV);
    if (auto Family = FamilyOf.find(M.Field); Family != FamilyOf.end()) {
      const Metric &F = Metrics[Family->second];
      for (const auto &[Name, Text] : F.LocalConstants)
        M.LocalConstants.emplace(Name, Text);
      mergeHeaders(M.Includes, F.Includes);
      if (M.RuntimeRead.empty()) {
        M.RuntimeRead = F.RuntimeRead;
        M.RuntimeReadAt = F.RuntimeReadAt;
      }
      M.Family = TakenFrom{Family->second, {}, {}, InitStyle::MemberInitializer};
    }
    M.Init = Style;
    M.InitSite = std::move(Site);
    return true;
  };

  // Statements of a constructor or set-up method working on metric fields
  // without assigning them: those creating one family's series up front go
  // with it; any other use keeps the field where it is.
  auto ReadStatements = [&](const Stmt *Body) {
    const auto *Compound = dyn_cast_or_null<CompoundStmt>(Body);
    if (!Compound)
      return;
    for (const Stmt *S : Compound->body()) {
      SetUpRead R = readSetUpStatement(*S, Fields, Loc);
      if (R.Fields.empty() || R.Assigns)
        continue;
      for (const FieldDecl *FD : R.Fields) {
        Metric &M = Metrics[Fields.at(FD)];
        bool IsFamily = M.Style == FieldStyle::FamilyRef || M.Style == FieldStyle::FamilyPtr;
        if (!R.Statement || !IsFamily) {
          if (!M.OtherUse.valid())
            M.OtherUse = Loc.span(S);
          continue;
        }
        M.SetUp.push_back(*R.Statement);
        for (const CXXMemberCallExpr *Add : R.Adds) {
          AddCall A = readAddCall(Add, Loc);
          M.LabelNames.insert(M.LabelNames.end(), A.LabelNames.begin(), A.LabelNames.end());
        }
        ConstantVisitor CV;
        CV.TraverseStmt(const_cast<Stmt *>(S));
        addConstants(CV.Found, Loc, M.LocalConstants, C.TheService.LocalConstants);
        addFunctions(CV.Functions, Loc, M.LocalConstants, C.TheService.LocalConstants);
        addConstantMembers(CV.Members, Loc, M.LocalConstants, C.TheService.LocalConstants);
        addNeeds(M, {S}, CV);
      }
    }
  };

  // The local families declared in \p Body: one no child was taken from is
  // no metric of the service; one used otherwise than to take a child into
  // a field cannot go.
  auto SettleLocalFamilies = [&](const Stmt *In) {
    for (auto It = LocalFamilies.begin(); It != LocalFamilies.end();) {
      const auto [Local, Name] = *It;
      if (!declarationIn(In, Local)) {
        ++It;
        continue;
      }
      bool Taken = llvm::any_of(FamilyOf, [&, &Name = Name](const auto &F) {
        return F.second == Name;
      });
      if (!Taken) {
        Metrics.erase(Name);
        It = LocalFamilies.erase(It);
        continue;
      }
      Metric &M = Metrics[Name];
      for (const BoundNodes &N : match(findAll(declRefExpr(to(varDecl(equalsNode(Local))))
                                                   .bind("use")),
                                       *In, Service->getASTContext())) {
        const auto *Use = N.getNodeAs<DeclRefExpr>("use");
        if (!ChildTakings.count(Use) && !M.OtherUse.valid())
          M.OtherUse = Loc.span(Use);
      }
      ++It;
    }
  };

  // Containers of the service a constructor or set-up method fills with
  // children of its family fields (`msg_[type] = &msg_family_->Add(..)`):
  // a method reading one records on those families.
  BodyVisitor::ContainerMap Containers;
  auto ContainersFilledIn = [&](const Stmt *In) {
    if (!In)
      return;
    auto Element = cxxOperatorCallExpr(hasOverloadedOperatorName("[]"),
                                       hasArgument(0, memberExpr(member(fieldDecl().bind("c")))));
    for (const BoundNodes &N :
         match(findAll(binaryOperation(hasOperatorName("="), hasLHS(ignoringParenImpCasts(Element)),
                                       hasRHS(expr().bind("v")))),
               *In, Service->getASTContext())) {
      const ValueDecl *Family = nullptr;
      if (!readChildOfHolder(N.getNodeAs<Expr>("v"), Loc, Family))
        continue;
      const auto *FD = dyn_cast<FieldDecl>(Family);
      if (FD && Fields.count(FD))
        Containers[N.getNodeAs<FieldDecl>("c")->getCanonicalDecl()].insert(Fields.at(FD));
    }
  };

  // `registry_ = std::make_shared<prometheus::Registry>()` in the body of a
  // constructor or set-up method, when no initializer set it.
  auto RegistryAssignedIn = [&](const Stmt *In) {
    if (C.TheService.RegistryInit.valid() || !In)
      return;
    for (const BoundNodes &N : match(
             findAll(binaryOperation(hasOperatorName("="),
                                     hasLHS(memberExpr(member(fieldDecl().bind("f")))),
                                     hasRHS(expr().bind("v")))),
             *In, Service->getASTContext())) {
      const auto *FD = N.getNodeAs<FieldDecl>("f");
      if (FD->getParent() != Service || !isRegistryHolder(FD->getType()))
        continue;
      C.TheService.RegistryField = FD->getNameAsString();
      C.TheService.RegistryInit = Loc.span(N.getNodeAs<Expr>("v"));
      return;
    }
  };

  // Constructors whose definitions are here: mem-initializers and body.
  for (const CXXConstructorDecl *Ctor : Service->ctors()) {
    const FunctionDecl *Def = nullptr;
    if (!Ctor->hasBody(Def))
      continue;
    const auto *CtorDef = cast<CXXConstructorDecl>(Def);
    C.TheService.Source = Loc.file(CtorDef->getLocation());
    RegisteredHere.clear();
    Body = CtorDef->getBody();
    for (const CXXCtorInitializer *Init : CtorDef->inits()) {
      const FieldDecl *FD = Init->getMember();
      if (FD && Init->isWritten() && isRegistryHolder(FD->getType())) {
        C.TheService.RegistryField = FD->getNameAsString();
        recordRegistryInit(*CtorDef, *Init, Loc, C.TheService);
        continue;
      }
      if (FD && Init->isWritten() && Fields.count(FD->getCanonicalDecl()))
        Record(FD, Init->getInit(), InitStyle::MemberInitializer,
               Loc.span(Init->getSourceRange()));
    }
    AssignmentVisitor V(Fields);
    V.TraverseStmt(CtorDef->getBody());
    for (const auto &A : V.Found)
      Record(A.Field, A.Value, InitStyle::ConstructorBody, Loc.span(A.Whole));
    SettleLocalFamilies(Body);
    ReadStatements(CtorDef->getBody());
    RegistryAssignedIn(Body);
    ContainersFilledIn(Body);
  }

  // Set-up methods (an `initialize()` called once): they assign metric
  // fields from chains, and may create the registry. They record nothing.
  std::map<const CXXMethodDecl *, std::set<std::string>> SetUp;
  for (const CXXMethodDecl *M : Service->methods()) {
    const FunctionDecl *Def = nullptr;
    if (M->isImplicit() || isa<CXXConstructorDecl>(M) || isa<CXXDestructorDecl>(M) ||
        !M->hasBody(Def) || !Def->doesThisDeclarationHaveABody())
      continue;
    AssignmentVisitor V(Fields);
    V.TraverseStmt(Def->getBody());
    RegisteredHere.clear();
    Body = Def->getBody();
    for (const auto &A : V.Found)
      if (!namesARuntimeValue(*A.Value, Service->getASTContext()) &&
          Record(A.Field, A.Value, InitStyle::MethodBody, Loc.span(A.Whole))) {
        SetUp[M->getCanonicalDecl()].insert(A.Field->getNameAsString());
        if (auto Family = FamilyOf.find(A.Field->getNameAsString()); Family != FamilyOf.end())
          SetUp[M->getCanonicalDecl()].insert(Family->second);
      }
    SettleLocalFamilies(Body);
    if (!SetUp.count(M->getCanonicalDecl()))
      continue;
    ReadStatements(Def->getBody());
    RegistryAssignedIn(Def->getBody());
    ContainersFilledIn(Def->getBody());
  }

  std::map<const FunctionDecl *, CachedChild> Cached = cachedChildren(*Service, Fields);

  // Methods.
  std::vector<std::pair<const CXXMethodDecl *, std::set<const CXXMethodDecl *>>> Methods;
  for (const CXXMethodDecl *M : Service->methods()) {
    if (M->isImplicit() || isa<CXXConstructorDecl>(M) || isa<CXXDestructorDecl>(M) ||
        M->isOverloadedOperator() || !M->getIdentifier())
      continue;
    Methods.emplace_back(M->getCanonicalDecl(),
                         recordMethod(M, Fields, Containers, Cached, Loc, Out, Metrics));
    // A set-up method assigns its metrics; it does not record them.
    if (auto It = SetUp.find(M->getCanonicalDecl()); It != SetUp.end())
      llvm::erase_if(C.Wrappers.back().Metrics,
                     [&](const std::string &F) { return It->second.count(F) > 0; });
  }
  addCalledMetrics(Methods, C.Wrappers);

  auto &Sites = C.TheService.LocalConstants;
  std::sort(Sites.begin(), Sites.end(), [](const LocalConstantSite &A, const LocalConstantSite &B) {
    return A.Decl < B.Decl;
  });
  Sites.erase(std::unique(Sites.begin(), Sites.end(),
                          [](const LocalConstantSite &A, const LocalConstantSite &B) {
                            return A.Decl == B.Decl;
                          }),
              Sites.end());

  for (auto &[Field, M] : Metrics) {
    if (SameAs.count(Field))
      continue;
    std::sort(M.LabelNames.begin(), M.LabelNames.end());
    M.LabelNames.erase(std::unique(M.LabelNames.begin(), M.LabelNames.end()),
                       M.LabelNames.end());
    if (M.Field.empty())
      M.Field = Field;
    C.Metrics.push_back(std::move(M));
  }
}

} // namespace mm
