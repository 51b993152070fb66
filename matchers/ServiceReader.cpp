//===--- ServiceReader.cpp - The service class, read ----------------------===//
//
// recordService: reads the service class's interfaces, its metric fields
// and what sets each (constructors, set-up methods), then its methods, into
// TUFacts::Partial. The parts of that reading needing none of its state are
// in ServiceRecorder.cpp (ServiceReaderSteps.h).
//
//===----------------------------------------------------------------------===//

#include "matchers/ServiceRecorder.h"

#include "matchers/BuilderChain.h"
#include "matchers/CachedChild.h"
#include "matchers/LocalConstants.h"
#include "matchers/NeededHeaders.h"
#include "matchers/ServiceReaderSteps.h"
#include "matchers/SetUpStatement.h"
#include "matchers/WrapperBody.h"

#include "clang/AST/ExprCXX.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"
#include "clang/ASTMatchers/ASTMatchers.h"

#include <map>
#include <set>

namespace mm {

using namespace clang;
using namespace clang::ast_matchers;

namespace {

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
    describeRuntimeRead(Chain->RuntimeRead, M);
    takeChainAlong(*Chain, Value, M);
    takeFamilyAlong(M);
    M.Init = Style;
    M.InitSite = std::move(Site);
    return true;
  }

  /// Metric::RuntimeRead: what \p Read, the value the chain reads that is
  /// known only when the code runs, is, in words.
  void describeRuntimeRead(const Expr *Read, Metric &M) const {
    if (const auto *Member = dyn_cast_or_null<MemberExpr>(Read)) {
      M.RuntimeRead = "`" + Member->getMemberDecl()->getNameAsString() + "`, a member of " +
                      Service->getNameAsString();
      M.RuntimeReadAt = Loc.span(Member);
    } else if (const auto *Ref = dyn_cast_or_null<DeclRefExpr>(Read)) {
      M.RuntimeRead = "`" + Ref->getDecl()->getNameAsString() + "`, " +
                      (isa<ParmVarDecl>(Ref->getDecl()) ? "a parameter" : "a local variable");
      if (const auto *Around =
              dyn_cast_or_null<FunctionDecl>(Ref->getDecl()->getParentFunctionOrMethod()))
        M.RuntimeRead += isa<CXXConstructorDecl>(Around)
                             ? " of " + Around->getNameAsString() + "'s constructor"
                             : " of `" + Around->getNameAsString() + "()`";
      M.RuntimeReadAt = Loc.span(Ref);
    }
  }

  /// What moves with \p M besides its chain: the file-local constants,
  /// functions and constant members the chain's code (\p Value, when the
  /// chain is spelled as written there) names, the helper it was spelled
  /// out of, and the headers all of them name.
  void takeChainAlong(const BuilderChain &Chain, const Expr *Value, Metric &M) {
    ConstantVisitor CV;
    if (Chain.Sources.empty())
      CV.TraverseStmt(const_cast<Expr *>(Value));
    for (const Expr *Source : Chain.Sources)
      CV.TraverseStmt(const_cast<Expr *>(Source));
    // A file-local helper the chain was spelled out of goes once nothing
    // calls it any more.
    if (const FunctionDecl *Helper = Chain.Helper ? fileLocalFunction(Chain.Helper) : nullptr)
      C.TheService.LocalConstants.push_back(siteOf(Helper, Loc));
    // So does a lambda held in a local of the function.
    if (const DeclStmt *Lambda =
            Chain.HelperLocal ? declarationIn(Body, Chain.HelperLocal) : nullptr)
      C.TheService.LocalConstants.push_back(
          {Chain.HelperLocal->getNameAsString(), Loc.span(Lambda), {}, false, {}});
    addConstants(CV.Found, Loc, M.LocalConstants, C.TheService.LocalConstants);
    addFunctions(CV.Functions, Loc, M.LocalConstants, C.TheService.LocalConstants);
    addConstantMembers(CV.Members, Loc, M.LocalConstants, C.TheService.LocalConstants);
    addNeeds(M, Chain.Sources.empty() ? std::vector<const Stmt *>{Value}
                                      : std::vector<const Stmt *>(Chain.Sources.begin(),
                                                                  Chain.Sources.end()),
             CV);
  }

  /// A child taken from a family: what the family takes along, and what
  /// it reads at run time when the child itself reads nothing, go with it.
  void takeFamilyAlong(Metric &M) {
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
      for (const FieldAssignment &A : fieldAssignmentsIn(CtorDef->getBody(), Fields))
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
      std::vector<FieldAssignment> Assignments = fieldAssignmentsIn(Def->getBody(), Fields);
      RegisteredHere.clear();
      Body = Def->getBody();
      for (const FieldAssignment &A : Assignments)
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
    std::sort(Sites.begin(), Sites.end(),
              [](const LocalConstantSite &A, const LocalConstantSite &B) {
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
