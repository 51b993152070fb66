//===--- ServiceFinder.cpp - Which class is the metrics service? ----------===//

#include "matchers/ServiceFinder.h"

#include "matchers/ASTUtil.h"

#include "clang/AST/DeclTemplate.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/Frontend/CompilerInstance.h"
#include "clang/Frontend/FrontendAction.h"

namespace mm {

using namespace clang;

namespace {

/// The class \p T holds or points to: `C`, `C&`, `C*`, `std::shared_ptr<C>`,
/// `std::unique_ptr<C>` (and const forms).
const CXXRecordDecl *heldClass(QualType T) {
  T = T.getNonReferenceType();
  if (T->isPointerType())
    T = T->getPointeeType();
  const CXXRecordDecl *RD = T->getAsCXXRecordDecl();
  if (const auto *Spec = llvm::dyn_cast_or_null<ClassTemplateSpecializationDecl>(RD)) {
    std::string Name = Spec->getQualifiedNameAsString();
    if ((Name == "std::shared_ptr" || Name == "std::unique_ptr") &&
        Spec->getTemplateArgs().size() >= 1 &&
        Spec->getTemplateArgs()[0].getKind() == TemplateArgument::Type)
      return Spec->getTemplateArgs()[0].getAsType()->getAsCXXRecordDecl();
  }
  return RD;
}

/// Whether \p T is (a reference or pointer to) a prometheus-cpp metric or
/// family.
bool isMetricType(QualType T) {
  const CXXRecordDecl *RD = heldClass(T);
  if (!RD)
    return false;
  std::string Name = RD->getQualifiedNameAsString();
  return Name == "prometheus::Family" || Name == "prometheus::Counter" ||
         Name == "prometheus::Gauge" || Name == "prometheus::Histogram" ||
         Name == "prometheus::Summary";
}

class Finder : public RecursiveASTVisitor<Finder> {
public:
  Finder(const Locator &Loc, ServiceCandidates &Out) : Loc(Loc), Out(Out) {}

  bool shouldVisitTemplateInstantiations() const { return false; }

  bool VisitCXXRecordDecl(CXXRecordDecl *RD) {
    if (!RD->isThisDeclarationADefinition() || RD->isLambda() || RD->isImplicit() ||
        !RD->getIdentifier() || !Loc.inProject(RD->getLocation()))
      return true;
    ClassCandidate &C = candidate(RD);
    SourceSpan Where = Loc.span(RD->getLocation());
    C.File = Where.File;
    C.Line = Where.Line;
    for (const CXXBaseSpecifier &Base : RD->bases())
      if (const CXXRecordDecl *B = Base.getType()->getAsCXXRecordDecl())
        if (B->hasDefinition() && B->isPolymorphic() &&
            !llvm::is_contained(C.Bases, qualifiedName(B)))
          C.Bases.push_back(qualifiedName(B));
    for (const FieldDecl *F : RD->fields())
      if (isMetricType(F->getType()))
        C.MetricFields.insert(F->getNameAsString());
    for (const CXXMethodDecl *M : RD->methods())
      if (!M->isImplicit() && M->getIdentifier() &&
          isMetricType(M->getReturnType().getNonReferenceType()))
        C.MetricMethods.insert(M->getNameAsString());
    return true;
  }

  bool VisitCXXConstructorDecl(CXXConstructorDecl *Ctor) {
    // Each constructor once, by its first declaration's parameters.
    const auto *First = llvm::cast<CXXConstructorDecl>(Ctor->getCanonicalDecl());
    if (Ctor != First || Ctor->isImplicit() || !Loc.inProject(Ctor->getLocation()))
      return true;
    for (const ParmVarDecl *P : Ctor->parameters()) {
      const CXXRecordDecl *Held = heldClass(P->getType());
      if (!Held || !Held->getIdentifier() || Held == Ctor->getParent() ||
          !Loc.inProject(Held->getLocation()))
        continue;
      SourceSpan Where = Loc.span(P->getLocation());
      candidate(Held).Injections.insert(Where.File + ":" + std::to_string(Where.Line) + ":" +
                                        std::to_string(Where.Column));
    }
    return true;
  }

  bool VisitFunctionDecl(FunctionDecl *FD) {
    if (FD != FD->getCanonicalDecl() || FD->getNumParams() != 0 || !FD->getIdentifier() ||
        !Loc.inProject(FD->getLocation()))
      return true;
    if (const auto *M = llvm::dyn_cast<CXXMethodDecl>(FD); M && !M->isStatic())
      return true;
    QualType R = FD->getReturnType();
    RegistryAccessor Accessor{qualifiedName(FD) + "()", Loc.file(FD->getLocation())};
    if (R->isLValueReferenceType() && isRegistry(R.getNonReferenceType()))
      Out.Registries.insert(std::move(Accessor));
    else if (isSharedRegistry(R.getNonReferenceType()))
      Out.SharedRegistries.insert(std::move(Accessor));
    return true;
  }

private:
  static bool isRegistry(QualType T) {
    const CXXRecordDecl *RD = T->getAsCXXRecordDecl();
    return RD && RD->getQualifiedNameAsString() == "prometheus::Registry";
  }
  /// `std::shared_ptr<prometheus::Registry>`, by value or by reference.
  static bool isSharedRegistry(QualType T) {
    const auto *Spec =
        llvm::dyn_cast_or_null<ClassTemplateSpecializationDecl>(T->getAsCXXRecordDecl());
    return Spec && Spec->getQualifiedNameAsString() == "std::shared_ptr" &&
           Spec->getTemplateArgs().size() == 1 &&
           Spec->getTemplateArgs()[0].getKind() == TemplateArgument::Type &&
           isRegistry(Spec->getTemplateArgs()[0].getAsType());
  }

  ClassCandidate &candidate(const CXXRecordDecl *RD) {
    std::string Name = qualifiedName(RD);
    ClassCandidate &C = Out.Classes[Name];
    C.Name = Name;
    return C;
  }

  const Locator &Loc;
  ServiceCandidates &Out;
};

class FinderConsumer : public ASTConsumer {
public:
  FinderConsumer(std::string Root, ServiceCandidates &Out) : Root(std::move(Root)), Out(Out) {}
  void HandleTranslationUnit(ASTContext &Ctx) override {
    if (!Ctx.getDiagnostics().hasErrorOccurred())
      findServiceCandidates(Ctx, Root, Out);
  }

private:
  std::string Root;
  ServiceCandidates &Out;
};

class FinderAction : public ASTFrontendAction {
public:
  FinderAction(std::string Root, ServiceCandidates &Out) : Root(std::move(Root)), Out(Out) {}
  /// Classes, constructors' parameters and accessors' return types are all
  /// declarations: no function body is parsed (Sema still parses those it
  /// must, constexpr ones and deduced return types).
  bool BeginInvocation(CompilerInstance &CI) override {
    CI.getFrontendOpts().SkipFunctionBodies = true;
    return true;
  }
  std::unique_ptr<ASTConsumer> CreateASTConsumer(CompilerInstance &, llvm::StringRef) override {
    return std::make_unique<FinderConsumer>(Root, Out);
  }

private:
  std::string Root;
  ServiceCandidates &Out;
};

class Factory : public tooling::FrontendActionFactory {
public:
  Factory(std::string Root, ServiceCandidates &Out) : Root(std::move(Root)), Out(Out) {}
  std::unique_ptr<FrontendAction> create() override {
    return std::make_unique<FinderAction>(Root, Out);
  }

private:
  std::string Root;
  ServiceCandidates &Out;
};

} // namespace

void findServiceCandidates(ASTContext &Ctx, llvm::StringRef Root, ServiceCandidates &Out) {
  Locator Loc(Ctx, Root);
  Finder(Loc, Out).TraverseAST(Ctx);
}

std::unique_ptr<tooling::FrontendActionFactory>
newServiceFinderFactory(std::string Root, ServiceCandidates &Out) {
  return std::make_unique<Factory>(std::move(Root), Out);
}

void mergeCandidates(ServiceCandidates &Into, const ServiceCandidates &From) {
  for (const auto &[Name, C] : From.Classes) {
    ClassCandidate &To = Into.Classes[Name];
    To.Name = Name;
    if (To.File.empty() && !C.File.empty()) {
      To.File = C.File;
      To.Line = C.Line;
    }
    for (const std::string &B : C.Bases)
      if (!llvm::is_contained(To.Bases, B))
        To.Bases.push_back(B);
    To.MetricFields.insert(C.MetricFields.begin(), C.MetricFields.end());
    To.MetricMethods.insert(C.MetricMethods.begin(), C.MetricMethods.end());
    To.Injections.insert(C.Injections.begin(), C.Injections.end());
  }
  Into.Registries.insert(From.Registries.begin(), From.Registries.end());
  Into.SharedRegistries.insert(From.SharedRegistries.begin(), From.SharedRegistries.end());
}

ServiceChoice pickService(const ServiceCandidates &C) {
  ServiceChoice Best;
  for (const auto &[Name, Class] : C.Classes) {
    if (Class.MetricFields.empty())
      continue;
    unsigned Injections = Class.Injections.size();
    for (const std::string &Base : Class.Bases)
      if (auto It = C.Classes.find(Base); It != C.Classes.end())
        Injections += It->second.Injections.size();
    // Map order: on a full tie the first name wins.
    if (!Best.Service || Injections > Best.Injections ||
        (Injections == Best.Injections &&
         Class.MetricFields.size() > Best.Service->MetricFields.size())) {
      Best.Service = &Class;
      Best.Injections = Injections;
    }
  }
  return Best;
}

} // namespace mm
