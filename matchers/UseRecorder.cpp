//===--- UseRecorder.cpp - Where the service is used ----------------------===//

#include "matchers/UseRecorder.h"

#include "matchers/MacroCallSite.h"
#include "matchers/ServiceRecorder.h"

#include "core/TextEdits.h"

#include "clang/AST/ExprCXX.h"
#include "clang/AST/ParentMapContext.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"
#include "clang/ASTMatchers/ASTMatchers.h"

#include <set>

namespace mm {

using namespace clang;
using namespace clang::ast_matchers;

namespace {

constexpr llvm::StringLiteral CallId = "call";
constexpr llvm::StringLiteral DependentCallId = "dependentCall";
constexpr llvm::StringLiteral RefId = "ref";
constexpr llvm::StringLiteral ParamId = "param";
constexpr llvm::StringLiteral FieldId = "field";
constexpr llvm::StringLiteral DoubleId = "double";

const CXXRecordDecl *recordOfMember(const Decl *D) {
  return dyn_cast_or_null<CXXRecordDecl>(D->getDeclContext());
}

/// Whether \p RD itself declares a method called \p Name (an override, or
/// one hiding the inherited wrapper).
bool declaresMethodNamed(const CXXRecordDecl &RD, llvm::StringRef Name) {
  return llvm::any_of(RD.methods(), [&](const CXXMethodDecl *M) {
    return M->getIdentifier() && M->getName() == Name;
  });
}

bool isTemplated(const FunctionDecl *FD) {
  if (!FD)
    return false;
  if (FD->isTemplated() || FD->isTemplateInstantiation())
    return true;
  for (const DeclContext *DC = FD->getDeclContext(); DC; DC = DC->getParent())
    if (const auto *RD = dyn_cast<CXXRecordDecl>(DC))
      if (RD->isTemplated() || isa<ClassTemplateSpecializationDecl>(RD))
        return true;
  return false;
}

/// Wrapper call sites, injection points and test doubles, written into
/// TUFacts::Partial as they are matched.
class ServiceUses : public MatchFinder::MatchCallback, public Recorder {
public:
  ServiceUses(const InterfaceSet &Set, const Locator &Loc, TUFacts &Out)
      : Set(Set), Loc(Loc), Out(Out) {}

  void registerMatchers(MatchFinder &Finder) override;

  void run(const MatchFinder::MatchResult &R) override {
    if (const auto *Call = R.Nodes.getNodeAs<CXXMemberCallExpr>(CallId))
      onCall(*R.Context, Call, Call->getMethodDecl());
    else if (const auto *Call = R.Nodes.getNodeAs<CallExpr>(DependentCallId))
      onCall(*R.Context, Call,
             dyn_cast<CXXMethodDecl>(cast<MemberExpr>(Call->getCallee())->getMemberDecl()));
    else if (const auto *Ref = R.Nodes.getNodeAs<DeclRefExpr>(RefId))
      onReference(*R.Context, Ref);
    else if (const auto *P = R.Nodes.getNodeAs<ParmVarDecl>(ParamId))
      onParam(P);
    else if (const auto *F = R.Nodes.getNodeAs<FieldDecl>(FieldId))
      onField(F);
    else if (const auto *D = R.Nodes.getNodeAs<CXXRecordDecl>(DoubleId))
      onDouble(D);
  }

private:
  /// \p Call of \p Method: a member call, or one whose arguments depend on
  /// a template parameter (`sink.on_sample(reading.first)` in a generic
  /// lambda, whose instantiations the scan may never see).
  void onCall(ASTContext &Ctx, const CallExpr *Call, const CXXMethodDecl *Method) {
    if (!Method || !Method->getIdentifier() || !Loc.inProject(Call->getBeginLoc()))
      return;
    CallSite C;
    const FunctionDecl *Encl = enclosingFunction(Ctx, Call, &C.InLambda);
    if (const CXXRecordDecl *Caller = Encl ? recordOfMember(Encl) : nullptr;
        Set.isOrDerives(Caller)) {
      // The service or a double calling itself is not a call site; a class
      // deriving from the service calling a wrapper it inherits is.
      if (!Set.derivesFromService(Caller) || declaresMethodNamed(*Caller, Method->getName()))
        return;
      C.DerivedCaller = qualifiedName(Caller);
    }
    C.Loc = Loc.span(Call);
    C.Wrapper = Method->getNameAsString();
    C.Signature = signatureOf(Method);
    if (const auto *ME = dyn_cast<MemberExpr>(Call->getCallee()->IgnoreParens())) {
      C.Arrow = ME->isArrow();
      const Expr *Base = ME->getBase()->IgnoreParenImpCasts();
      // `ptr->M()` on a smart pointer: the object is operator->'s argument.
      if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(Base);
          Op && Op->getOperator() == OO_Arrow && Op->getNumArgs() == 1)
        Base = Op->getArg(0);
      C.Receiver = ME->isImplicitAccess() ? "" : Loc.text(Base);
      recordReceiverParam(Ctx, Base, C);
    }
    for (const Expr *Arg : Call->arguments()) {
      if (isa<CXXDefaultArgExpr>(Arg))
        break;
      if (namesParameter(Arg))
        C.ParamArgs.push_back(C.Args.size());
      C.Args.push_back(Loc.text(Arg));
    }
    C.EnclosingFunction = Encl ? qualifiedName(Encl) : "";
    C.Namespace = Encl ? namespaceOf(Encl) : "";
    C.Module = moduleOf(C.Loc.File);
    C.ClassHeader = classHeader(Encl, C.Module);
    C.InMacro = Call->getBeginLoc().isMacroID() && !inOneMacroArgument(*Call, Loc.sourceManager());
    if (C.InMacro) {
      recordMacroCall(Ctx, *Call, Loc, C);
    } else {
      C.Statement = statementInBlock(Ctx, Call, Loc, C.StatementNeedsBraces);
      if (Encl && Encl->hasBody())
        recordArgumentLocals(Ctx, *Call, *Encl->getBody(), C);
    }
    C.InTemplate = isTemplated(Encl);
    if (const auto *Member = dyn_cast<CXXMemberCallExpr>(Call))
      recordServiceTest(Ctx, *Member, Encl, C);
    Out.Partial.CallSites.push_back(std::move(C));
  }

  /// The local variables \p Call's arguments name, declared in a statement
  /// of their own in a block, with every read of each in \p Body.
  void recordArgumentLocals(ASTContext &Ctx, const CallExpr &Call, const Stmt &Body,
                            CallSite &C) {
    std::vector<const VarDecl *> Named;
    for (const Expr *Arg : Call.arguments())
      for (const BoundNodes &N :
           match(findAll(declRefExpr(to(varDecl(hasLocalStorage(), unless(parmVarDecl()))))
                             .bind("ref")),
                 *Arg, Ctx))
        if (const auto *V = dyn_cast<VarDecl>(N.getNodeAs<DeclRefExpr>("ref")->getDecl());
            V && !llvm::is_contained(Named, V))
          Named.push_back(V);
    for (const VarDecl *V : Named) {
      DynTypedNodeList Parents = Ctx.getParents(*V);
      const auto *Decl = Parents.size() == 1 ? Parents[0].get<DeclStmt>() : nullptr;
      DynTypedNodeList Above = Decl ? Ctx.getParents(*Decl) : DynTypedNodeList(DynTypedNode());
      if (!Decl || Above.size() != 1 || !Above[0].get<CompoundStmt>() ||
          Decl->getBeginLoc().isMacroID())
        continue;
      CallSite::ArgumentLocal L;
      L.Decl = Loc.span(SourceRange(Decl->getBeginLoc(), Decl->getBeginLoc()));
      L.Decl.Length = 0;
      if (!L.Decl.valid() || !readsOf(Ctx, *V, Body, L.Reads))
        continue;
      C.ArgumentLocals.push_back(std::move(L));
    }
  }

  /// Every read of \p V in \p Body, as written; assigning it, or stepping
  /// it, is no read. False when one is not in a file as written (a macro's).
  bool readsOf(ASTContext &Ctx, const VarDecl &V, const Stmt &Body,
               std::vector<SourceSpan> &Reads) const {
    for (const BoundNodes &N :
         match(findAll(declRefExpr(to(varDecl(equalsNode(&V)))).bind("ref")), Body, Ctx)) {
      const auto *Ref = N.getNodeAs<DeclRefExpr>("ref");
      DynTypedNodeList Ps = Ctx.getParents(*Ref);
      const Stmt *P = Ps.size() == 1 ? Ps[0].get<Stmt>() : nullptr;
      if (const auto *Cast = dyn_cast_or_null<ImplicitCastExpr>(P);
          Cast && Cast->getCastKind() == CK_LValueToRValue) {
        // Read.
      } else if (const auto *B = dyn_cast_or_null<BinaryOperator>(P);
                 B && B->getOpcode() == BO_Assign && B->getLHS()->IgnoreParens() == Ref) {
        continue;
      } else if (const auto *U = dyn_cast_or_null<UnaryOperator>(P);
                 U && U->isIncrementDecrementOp()) {
        continue;
      }
      if (Ref->getBeginLoc().isMacroID())
        return false;
      SourceSpan S = Loc.span(Ref->getSourceRange());
      if (!S.valid())
        return false;
      Reads.push_back(S);
    }
    return true;
  }

  /// A call on an object of the service class itself in a gtest test's
  /// body: the body, and the test's name as its macro gives it.
  void recordServiceTest(ASTContext &Ctx, const CXXMemberCallExpr &Call, const FunctionDecl *Encl,
                         CallSite &C) {
    const Expr *Object = Call.getImplicitObjectArgument();
    QualType T = Object ? Object->getType() : QualType();
    if (!T.isNull() && T->isPointerType())
      T = T->getPointeeType();
    const CXXRecordDecl *Class = T.isNull() ? nullptr : T->getAsCXXRecordDecl();
    const auto *Test = dyn_cast_or_null<CXXMethodDecl>(Encl);
    if (!Class || !Set.Service ||
        Class->getCanonicalDecl() != Set.Service->getCanonicalDecl() || !Test ||
        !Test->getIdentifier() || Test->getName() != "TestBody" || !Test->hasBody())
      return;
    const Stmt *Body = Test->getBody();
    if (!isGTestFixture(Test->getParent()) || !Body || Body->getBeginLoc().isMacroID() || Body->getEndLoc().isMacroID() ||
        exercisesMore(Ctx, *Body, *Test->getParent()))
      return;
    C.ServiceTest = Loc.span(Body);
    C.TestName = gtestName(Test, Loc);
  }

  /// A class of the project other than the service's own (its interfaces,
  /// doubles and derived classes) and gtest's fixtures: code a test with an
  /// object of it exercises besides the service. Seen through pointers,
  /// references and one level of template arguments (`std::unique_ptr<X>`).
  bool isOtherProjectClass(QualType T) const {
    T = T.getNonReferenceType();
    while (T->isPointerType())
      T = T->getPointeeType();
    const CXXRecordDecl *Class = T->getAsCXXRecordDecl();
    if (!Class)
      return false;
    if (const auto *Spec = dyn_cast<ClassTemplateSpecializationDecl>(Class))
      for (const TemplateArgument &Arg : Spec->getTemplateArgs().asArray())
        if (Arg.getKind() == TemplateArgument::Type && isOtherProjectClass(Arg.getAsType()))
          return true;
    if (!Loc.inProject(Class->getLocation()) || Set.isOrDerives(Class))
      return false;
    return !isGTestFixture(Class);
  }

  /// Whether a test of \p TestClass runs project code besides the service:
  /// its fixture holds an object of another project class (a parser built
  /// on the service), or \p Body builds one or calls a method on one. Such
  /// a test checks that code, not the service's wrappers.
  bool exercisesMore(ASTContext &Ctx, const Stmt &Body, const CXXRecordDecl &TestClass) const {
    bool Found = false;
    auto Fields = [&](const CXXRecordDecl *Class) {
      for (const FieldDecl *F : Class->fields())
        Found = Found || isOtherProjectClass(F->getType());
      return true;
    };
    Fields(&TestClass);
    TestClass.forallBases(Fields);
    if (Found)
      return true;
    auto Objects = match(
        stmt(forEachDescendant(stmt(anyOf(cxxConstructExpr().bind("built"),
                                          cxxMemberCallExpr().bind("called"))))),
        Body, Ctx);
    return llvm::any_of(Objects, [&](const BoundNodes &N) {
      if (const auto *Built = N.getNodeAs<CXXConstructExpr>("built"))
        return isOtherProjectClass(Built->getType());
      const auto *Called = N.getNodeAs<CXXMemberCallExpr>("called");
      return Called->getImplicitObjectArgument() &&
             isOtherProjectClass(Called->getImplicitObjectArgument()->getType());
    });
  }

  /// The project header defining \p Encl's class, when \p Encl is a
  /// method and that header is not of \p Module.
  std::string classHeader(const FunctionDecl *Encl, llvm::StringRef Module) const {
    const auto *Method = dyn_cast_or_null<CXXMethodDecl>(Encl);
    const CXXRecordDecl *Class = Method ? Method->getParent()->getDefinition() : nullptr;
    if (!Class || !Loc.inProject(Class->getLocation()))
      return "";
    std::string File = Loc.file(Class->getLocation());
    if (!isHeaderFile(File) || moduleOf(File) == Module)
      return "";
    return File;
  }

  /// `&MetricsServiceProtocol::RecordX`, stored or handed to `std::bind`:
  /// a call site whose calls cannot be seen.
  void onReference(ASTContext &Ctx, const DeclRefExpr *Ref) {
    const auto *Method = dyn_cast<CXXMethodDecl>(Ref->getDecl());
    if (!Method || !Method->getIdentifier() || Method->isStatic() ||
        !Loc.inProject(Ref->getBeginLoc()))
      return;
    CallSite C;
    const FunctionDecl *Encl = enclosingFunction(Ctx, Ref, &C.InLambda);
    if (Encl && Set.isOrDerives(recordOfMember(Encl)))
      return;
    C.Loc = Loc.span(Ref);
    C.Wrapper = Method->getNameAsString();
    C.Signature = signatureOf(Method);
    C.AddressTaken = true;
    C.EnclosingFunction = Encl ? qualifiedName(Encl) : "";
    C.Namespace = Encl ? namespaceOf(Encl) : "";
    C.Module = moduleOf(C.Loc.File);
    C.ClassHeader = classHeader(Encl, C.Module);
    C.InMacro = Ref->getBeginLoc().isMacroID();
    C.InTemplate = isTemplated(Encl);
    Out.Partial.CallSites.push_back(std::move(C));
  }

  /// `p`, `p.field`, `p->field` for a parameter `p` of a function (through
  /// conversions): a value the caller chose.
  static bool namesParameter(const Expr *E) {
    while (true) {
      E = E->IgnoreParenImpCasts();
      if (const auto *CE = dyn_cast<CXXConstructExpr>(E); CE && CE->getNumArgs() == 1)
        E = CE->getArg(0);
      else if (const auto *BE = dyn_cast<CXXBindTemporaryExpr>(E))
        E = BE->getSubExpr();
      else if (const auto *MT = dyn_cast<MaterializeTemporaryExpr>(E))
        E = MT->getSubExpr();
      else if (const auto *ME = dyn_cast<MemberExpr>(E); ME && !ME->isImplicitAccess())
        E = ME->getBase();
      else
        break;
    }
    const auto *DRE = dyn_cast<DeclRefExpr>(E);
    return DRE && isa<ParmVarDecl>(DRE->getDecl());
  }

  /// A receiver that is a named parameter of the function or lambda around
  /// the call, or is reached through one (`env->counters` in
  /// `env->counters->Record()`): its name, and how often the body names it.
  /// A function's parameter holding the service itself is an injection
  /// point, which goes whole: not this.
  void recordReceiverParam(ASTContext &Ctx, const Expr *Receiver, CallSite &C) {
    bool Reached = false;
    const ParmVarDecl *P = parameterReachedThrough(Receiver, Reached);
    const auto *F = P ? dyn_cast<FunctionDecl>(P->getDeclContext()) : nullptr;
    if (!F || !P->getIdentifier() || !F->hasBody() || !F->doesThisDeclarationHaveABody() ||
        P->getLocation().isMacroID() || !Loc.inProject(P->getLocation()))
      return;
    const auto *Method = dyn_cast<CXXMethodDecl>(F);
    bool Lambda = Method && Method->getParent()->isLambda();
    if (!Lambda && (!Reached || interfaceOf(P->getType(), Set)))
      return;
    auto Uses = declRefExpr(to(parmVarDecl(equalsNode(P)))).bind("use");
    C.ReceiverParam = Loc.span(SourceRange(P->getLocation(), P->getLocation()));
    C.ReceiverParamUses = match(findAll(Uses), *F->getBody(), Ctx).size();
    if (const auto *Ctor = dyn_cast<CXXConstructorDecl>(F))
      for (const CXXCtorInitializer *Init : Ctor->inits())
        if (Init->isWritten())
          C.ReceiverParamUses += match(findAll(Uses), *Init->getInit(), Ctx).size();
  }

  void onParam(const ParmVarDecl *P) {
    noteConstructorStyle(P);
    auto Iface = interfaceOf(P->getType(), Set);
    if (!Iface || Iface->second == Holder::Value || !Loc.inProject(P->getLocation()))
      return;
    const auto *FD = dyn_cast<FunctionDecl>(P->getDeclContext());
    if (!FD || FD->isImplicit() || dependentAsWritten(FD, P->getFunctionScopeIndex()))
      return;
    if (const auto *MD = dyn_cast<CXXMethodDecl>(FD))
      if (Set.isOrDerives(MD->getParent()) || MD->getParent()->isLambda())
        return;
    InjectionPoint IP;
    const auto *Ctor = dyn_cast<CXXConstructorDecl>(FD);
    IP.Kind = Ctor ? InjectionKind::ConstructorParam : InjectionKind::FunctionParam;
    IP.Owner = Ctor ? qualifiedName(Ctor->getParent()) : qualifiedName(FD);
    IP.Name = P->getNameAsString();
    IP.Type = typeAsWritten(P, Loc);
    IP.Interface = qualifiedName(Iface->first);
    IP.How = Iface->second;
    IP.Index = P->getFunctionScopeIndex();
    IP.Default = defaultArgument(P, Loc);
    IP.Loc = Loc.span(P);
    if (Ctor) {
      IP.Params = Ctor->getNumParams();
      // `explicit` can be written on the declaration in the class only.
      SourceLocation Begin = Ctor->getBeginLoc();
      if (!Ctor->isExplicit() && Ctor->getLexicalDeclContext() == Ctor->getParent() &&
          !Ctor->getDescribedFunctionTemplate() && Begin.isFileID()) {
        IP.ExplicitAt = Loc.span(SourceRange(Begin, Begin));
        IP.ExplicitAt.Length = 0;
        WouldBeExplicit.push_back(Out.Partial.InjectionPoints.size());
      }
    }
    Out.Partial.InjectionPoints.push_back(std::move(IP));
  }

  /// Counts the project's one-parameter constructors declared in their
  /// class (not copies or moves), written explicit or not: its style.
  void noteConstructorStyle(const ParmVarDecl *P) {
    const auto *Ctor = dyn_cast<CXXConstructorDecl>(P->getDeclContext());
    if (!Ctor || Ctor->getNumParams() != 1 || Ctor->isCopyOrMoveConstructor() ||
        Ctor->isImplicit() || Ctor->getLexicalDeclContext() != Ctor->getParent() ||
        !Loc.inProject(Ctor->getLocation()) ||
        !StyleSeen.insert(Ctor->getLocation().getRawEncoding()).second)
      return;
    ++(Ctor->isExplicit() ? ExplicitOnes : ImplicitOnes);
  }

public:
  /// A constructor parameter's ExplicitAt stays only where the project
  /// writes more of its one-parameter constructors explicit than not.
  void finish(TUFacts &) override {
    if (ExplicitOnes > ImplicitOnes)
      return;
    for (size_t I : WouldBeExplicit)
      Out.Partial.InjectionPoints[I].ExplicitAt = SourceSpan();
  }

private:
  std::vector<size_t> WouldBeExplicit;
  std::set<unsigned> StyleSeen;
  unsigned ExplicitOnes = 0, ImplicitOnes = 0;

  void onField(const FieldDecl *F) {
    auto Iface = interfaceOf(F->getType(), Set);
    // A class holding the service by value owns it; nothing is injected.
    if (!Iface || Iface->second == Holder::Value || !Loc.inProject(F->getLocation()))
      return;
    if (const auto *RD = dyn_cast<CXXRecordDecl>(F->getParent()); RD && RD->isLambda())
      return; // a lambda's capture
    if (
        Set.isOrDerives(dyn_cast<CXXRecordDecl>(F->getParent())))
      return;
    InjectionPoint IP;
    IP.Kind = InjectionKind::Field;
    IP.Owner = qualifiedName(F->getParent());
    IP.Name = F->getNameAsString();
    IP.Type = typeAsWritten(F, Loc);
    IP.Interface = qualifiedName(Iface->first);
    IP.How = Iface->second;
    IP.Loc = Loc.span(F);
    Out.Partial.InjectionPoints.push_back(std::move(IP));
  }

  void onDouble(const CXXRecordDecl *D) {
    if (Set.contains(D) || !Loc.inProject(D->getLocation()))
      return;
    TestDouble T;
    T.Name = qualifiedName(D);
    T.Kind = DoubleKind::Stub;
    for (const CXXBaseSpecifier &B : D->bases()) {
      const CXXRecordDecl *Base = B.getType()->getAsCXXRecordDecl();
      if (Base && Set.isOrDerives(Base)) {
        T.Base = qualifiedName(Base);
        break;
      }
    }
    for (const CXXMethodDecl *M : D->methods()) {
      if (!M->getIdentifier())
        continue;
      if (M->getName().starts_with("gmock_"))
        T.Kind = DoubleKind::Mock;
      else if (M->size_overridden_methods() > 0 && !M->isImplicit()) {
        T.Methods.push_back(M->getNameAsString());
        T.Decls.push_back(methodDecl(M, Loc));
      }
    }
    std::sort(T.Methods.begin(), T.Methods.end());
    T.Methods.erase(std::unique(T.Methods.begin(), T.Methods.end()), T.Methods.end());
    T.Loc = Loc.span(D);
    Out.Partial.TestDoubles.push_back(std::move(T));
  }

  const InterfaceSet &Set;
  const Locator &Loc;
  TUFacts &Out;
};

} // namespace

bool InterfaceSet::derivesFromService(const CXXRecordDecl *RD) const {
  if (!Service || !RD || !RD->hasDefinition())
    return false;
  RD = RD->getDefinition();
  return RD->getCanonicalDecl() != Service->getCanonicalDecl() && RD->isDerivedFrom(Service);
}

bool InterfaceSet::isOrDerives(const CXXRecordDecl *RD) const {
  if (!RD || !RD->hasDefinition())
    return false;
  RD = RD->getDefinition();
  if (contains(RD))
    return true;
  bool Found = false;
  RD->forallBases([&](const CXXRecordDecl *Base) {
    Found = Found || contains(Base);
    return !Found;
  });
  return Found;
}

std::optional<std::pair<const CXXRecordDecl *, Holder>>
interfaceOf(QualType T, const InterfaceSet &Set) {
  Holder How = Holder::Value;
  if (T->isReferenceType()) {
    How = Holder::Reference;
    T = T->getPointeeType();
  } else if (T->isPointerType()) {
    How = Holder::Pointer;
    T = T->getPointeeType();
  }
  const CXXRecordDecl *RD = T->getAsCXXRecordDecl();
  if (!RD)
    return std::nullopt;
  if (const auto *Spec = dyn_cast<ClassTemplateSpecializationDecl>(RD)) {
    llvm::StringRef Name = Spec->getName();
    if ((Name == "shared_ptr" || Name == "unique_ptr") && Spec->isInStdNamespace() &&
        Spec->getTemplateArgs().size() >= 1) {
      How = Name == "shared_ptr" ? Holder::SharedPtr : Holder::UniquePtr;
      RD = Spec->getTemplateArgs()[0].getAsType()->getAsCXXRecordDecl();
    }
  }
  if (!Set.contains(RD))
    return std::nullopt;
  return std::make_pair(RD->getCanonicalDecl(), How);
}

void ServiceUses::registerMatchers(MatchFinder &Finder) {
  if (Set.Names.empty())
    return;
  std::vector<llvm::StringRef> Names(Set.Names.begin(), Set.Names.end());
  std::vector<llvm::StringRef> Extra(Set.ExtraDoubles.begin(), Set.ExtraDoubles.end());
  auto Interface = cxxRecordDecl(hasAnyName(Names));
  auto InProject = unless(isExpansionInSystemHeader());
  auto Calls = cxxMemberCallExpr(InProject, callee(cxxMethodDecl(ofClass(Interface))))
                   .bind(CallId);
  auto DependentCalls =
      callExpr(InProject, unless(cxxMemberCallExpr()), isTypeDependent(),
               callee(memberExpr(member(cxxMethodDecl(ofClass(Interface))))))
          .bind(DependentCallId);
  auto References =
      declRefExpr(InProject, to(cxxMethodDecl(ofClass(Interface)))).bind(RefId);
  auto Params = parmVarDecl(InProject).bind(ParamId);
  auto Fields = fieldDecl(InProject).bind(FieldId);
  auto Derived = cxxRecordDecl(InProject, isDefinition(), isDerivedFrom(Interface));
  auto Doubles = Set.ExtraDoubles.empty()
                     ? Derived.bind(DoubleId)
                     : cxxRecordDecl(InProject, isDefinition(),
                                     anyOf(isDerivedFrom(Interface),
                                           hasAnyName(Extra)))
                           .bind(DoubleId);
  Finder.addMatcher(Calls, this);
  Finder.addMatcher(DependentCalls, this);
  Finder.addMatcher(References, this);
  Finder.addMatcher(Params, this);
  Finder.addMatcher(Fields, this);
  Finder.addMatcher(Doubles, this);
}

std::unique_ptr<Recorder> serviceUseRecorder(const InterfaceSet &Set, const Locator &Loc,
                                             TUFacts &Out) {
  return std::make_unique<ServiceUses>(Set, Loc, Out);
}

void recordUses(ASTContext &Ctx, const InterfaceSet &Set, const Locator &Loc,
                TUFacts &Out) {
  runRecorders(Ctx, {serviceUseRecorder(Set, Loc, Out).get()}, Out);
}

} // namespace mm
