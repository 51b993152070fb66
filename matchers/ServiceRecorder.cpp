//===--- ServiceRecorder.cpp - The service class, read --------------------===//
//
// What ServiceRecorder.h declares but recordService (ServiceReader.cpp):
// metric and registry types, constant members, the registries handed to
// the service; and the parts of reading the service that need none of the
// reader's state (ServiceReaderSteps.h).
//
//===----------------------------------------------------------------------===//

#include "matchers/ServiceRecorder.h"

#include "matchers/BuilderChain.h"
#include "matchers/CachedChild.h"
#include "matchers/ServiceReaderSteps.h"

#include "clang/AST/ExprCXX.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"
#include "clang/ASTMatchers/ASTMatchers.h"
#include "clang/AST/RecursiveASTVisitor.h"

#include <map>
#include <set>

namespace mm {

using namespace clang;
using namespace clang::ast_matchers;

namespace {

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
static bool isWrittenConstant(const Expr *E) {
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

std::string typeAsWritten(const DeclaratorDecl *D, const Locator &Loc) {
  if (const TypeSourceInfo *TSI = D->getTypeSourceInfo()) {
    // From the first decl-specifier: a TypeLoc leaves out local qualifiers.
    std::string Text = Loc.text(SourceRange(D->getBeginLoc(), TSI->getTypeLoc().getEndLoc()));
    if (!Text.empty())
      return Text;
  }
  return D->getType().getAsString();
}

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

bool isRegistryHolder(QualType T) {
  const auto *Spec = dyn_cast_or_null<ClassTemplateSpecializationDecl>(T->getAsCXXRecordDecl());
  if (!Spec || Spec->getName() != "shared_ptr" || Spec->getTemplateArgs().size() < 1)
    return false;
  const CXXRecordDecl *RD = Spec->getTemplateArgs()[0].getAsType()->getAsCXXRecordDecl();
  return RD && RD->getName() == "Registry" && isa<NamespaceDecl>(RD->getDeclContext()) &&
         cast<NamespaceDecl>(RD->getDeclContext())->getName() == "prometheus";
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

// The parts of reading the service that need none of the reader's state.

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

namespace {

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

} // namespace

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

bool sameChain(const BuilderChain &Chain, const Metric &M) {
  return std::tie(Chain.Name, Chain.Kind, Chain.Help, Chain.ConstLabels, Chain.RegistryArg,
                  Chain.ChildArgs, Chain.Buckets, Chain.BucketsText) ==
         std::tie(M.Name, M.Kind, M.Help, M.ConstLabels, M.RegistryArg, M.ChildArgs, M.Buckets,
                  M.BucketsText);
}

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
  const std::map<const FieldDecl *, std::string> &Fields;
  std::vector<FieldAssignment> Found;
};

} // namespace

std::vector<FieldAssignment>
fieldAssignmentsIn(Stmt *Body, const std::map<const FieldDecl *, std::string> &Fields) {
  AssignmentVisitor V(Fields);
  V.TraverseStmt(Body);
  return std::move(V.Found);
}

} // namespace mm
