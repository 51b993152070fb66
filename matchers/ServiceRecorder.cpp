//===--- ServiceRecorder.cpp - The service class, read --------------------===//

#include "matchers/ServiceRecorder.h"

#include "core/TextEdits.h"
#include "matchers/BuilderChain.h"
#include "matchers/CachedChild.h"
#include "matchers/LocalConstants.h"
#include "matchers/NeededHeaders.h"
#include "matchers/SetUpStatement.h"
#include "matchers/WrapperBody.h"

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

namespace {

/// Reads the service class: its interfaces, its metric fields and what
/// sets each (constructors, set-up methods), then its methods. Each step
/// works on what the earlier ones found: the fields, the metrics, the
/// families children are taken from.
class ServiceReader {
public:
  ServiceReader(const CXXRecordDecl *Service, const Locator &Loc, TUFacts &Out)
      : Service(Service), Loc(Loc), Out(Out), C(Out.Partial) {}

  void run() {
    Out.SawService = true;
    C.TheService.Name = qualifiedName(Service);
    C.TheService.Namespace = namespaceOf(Service);
    C.TheService.Loc = Loc.span(Service);
    C.TheService.Header = C.TheService.Loc.File;
    readInterface();
    readMetricFields();
    readConstructors();
    readSetUpMethods();
    readMethods();
    finish();
  }

private:
  /// The names the header declares, the interfaces, and what building the
  /// service does besides.
  void readInterface() {
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
  }

  /// The metric fields, with what a default member initializer sets.
  void readMetricFields() {
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
  }

  std::string holderName(const ValueDecl *Holder) const {
    if (const auto *FD = dyn_cast<FieldDecl>(Holder); FD && Fields.count(FD))
      return Fields.at(FD);
    const auto *VD = dyn_cast<VarDecl>(Holder);
    return VD && LocalFamilies.count(VD) ? LocalFamilies.at(VD) : "";
  }

  std::optional<BuilderChain> chainOf(const Expr *Value, const ValueDecl *FD) {
    if (auto Chain = readBuilderChain(Value, Loc))
      return Chain;
    const ValueDecl *Family = nullptr;
    std::optional<BuilderChain> Child = readChildOfHolder(Value, Loc, Family);
    std::string FamilyField = Child ? holderName(Family) : "";
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
  }

  /// The headers what moves with a metric names: its chain or set-up
  /// statement and the file-local constants and helpers they use.
  void addNeeds(Metric &M, const std::vector<const Stmt *> &Code, const ConstantVisitor &CV) {
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
  }

  /// A local family a child is taken from, recorded the first time one is.
  void recordLocalFamily(const VarDecl *Local, InitStyle Style) {
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
    if (!record(Local, Local->getInit(), Style, Loc.span(Declared))) {
      LocalFamilies.erase(Local);
      Metrics.erase(Name);
    }
  }

  /// What \p Value, setting \p FD at \p Site, makes of it; false when its
  /// chain cannot be read.
  bool record(const ValueDecl *FD, const Expr *Value, InitStyle Style, SourceSpan Site) {
    if (const DeclRefExpr *Local = childOfLocal(Value, Loc))
      recordLocalFamily(cast<VarDecl>(Local->getDecl()), Style);
    std::optional<BuilderChain> Chain = chainOf(Value, FD);
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
    if (const auto *Member = dyn_cast_or_null<MemberExpr>(Chain->RuntimeRead)) {
      M.RuntimeRead = "`" + Member->getMemberDecl()->getNameAsString() + "`, a member of " +
                      Service->getNameAsString();
      M.RuntimeReadAt = Loc.span(Member);
    } else if (const auto *Read = dyn_cast_or_null<DeclRefExpr>(Chain->RuntimeRead)) {
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
  }

  /// Statements of a constructor or set-up method working on metric fields
  /// without assigning them: those creating one family's series up front go
  /// with it; any other use keeps the field where it is.
  void readStatements(const Stmt *In) {
    const auto *Compound = dyn_cast_or_null<CompoundStmt>(In);
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
  }

  /// The local families declared in \p Body: one no child was taken from is
  /// no metric of the service; one used otherwise than to take a child into
  /// a field cannot go.
  void settleLocalFamilies(const Stmt *In) {
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
  }

  /// Containers of the service a constructor or set-up method fills with
  /// children of its family fields (`msg_[type] = &msg_family_->Add(..)`):
  /// a method reading one records on those families.
  void containersFilledIn(const Stmt *In) {
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
  }

  /// `registry_ = std::make_shared<prometheus::Registry>()` in the body of a
  /// constructor or set-up method, when no initializer set it.
  void registryAssignedIn(const Stmt *In) {
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
  }

  /// Constructors whose definitions are here: mem-initializers and body.
  void readConstructors() {
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
          record(FD, Init->getInit(), InitStyle::MemberInitializer,
                 Loc.span(Init->getSourceRange()));
      }
      AssignmentVisitor V(Fields);
      V.TraverseStmt(CtorDef->getBody());
      for (const auto &A : V.Found)
        record(A.Field, A.Value, InitStyle::ConstructorBody, Loc.span(A.Whole));
      settleLocalFamilies(Body);
      readStatements(CtorDef->getBody());
      registryAssignedIn(Body);
      containersFilledIn(Body);
    }
  }

  /// Set-up methods (an `initialize()` called once): they assign metric
  /// fields from chains, and may create the registry. They record nothing.
  void readSetUpMethods() {
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
            record(A.Field, A.Value, InitStyle::MethodBody, Loc.span(A.Whole))) {
          SetUp[M->getCanonicalDecl()].insert(A.Field->getNameAsString());
          if (auto Family = FamilyOf.find(A.Field->getNameAsString()); Family != FamilyOf.end())
            SetUp[M->getCanonicalDecl()].insert(Family->second);
        }
      settleLocalFamilies(Body);
      if (!SetUp.count(M->getCanonicalDecl()))
        continue;
      readStatements(Def->getBody());
      registryAssignedIn(Def->getBody());
      containersFilledIn(Def->getBody());
    }
  }

  /// The methods, each a wrapper of what it records.
  void readMethods() {
    std::map<const FunctionDecl *, CachedChild> Cached = cachedChildren(*Service, Fields);

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
  }

  /// The local constants once each, and the metrics into the catalog.
  void finish() {
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

  const CXXRecordDecl *Service;
  const Locator &Loc;
  TUFacts &Out;
  Catalog &C;
  /// The metric fields (canonical declarations) and their names.
  std::map<const FieldDecl *, std::string> Fields;
  std::map<std::string, Metric> Metrics;
  /// What sets a metric field: a builder chain, or a child taken from a
  /// family whose chain is known by then, held in a field
  /// (`&family_->Add({..})`) or in a local of the same function
  /// (`auto& family = Build..Register(r);`). Such a local is a family of the
  /// service with no field: its declaration is where it is set up, and it
  /// goes where the family goes.
  std::map<std::string, std::string> FamilyOf; ///< child field -> family field
  /// A family field registered again under an earlier one's name -> that one.
  std::map<std::string, std::string> SameAs;
  std::map<const VarDecl *, std::string> LocalFamilies;
  /// Uses of those locals that take a child into a field.
  std::set<const DeclRefExpr *> ChildTakings;
  /// The families each constructor or set-up method has registered so far,
  /// by name: one registered again there is the same family.
  std::map<std::string, std::string> RegisteredHere; ///< name -> field
  /// The function body record() is reading, where a local family is declared.
  const Stmt *Body = nullptr;
  /// Containers of the service a constructor or set-up method fills with
  /// children of its family fields.
  ContainerMap Containers;
  /// The metrics each set-up method assigns.
  std::map<const CXXMethodDecl *, std::set<std::string>> SetUp;
};

} // namespace

void recordService(const CXXRecordDecl *Service, const Locator &Loc, TUFacts &Out) {
  ServiceReader(Service, Loc, Out).run();
}

} // namespace mm
