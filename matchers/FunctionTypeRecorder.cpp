//===--- FunctionTypeRecorder.cpp - std::function types carrying the service ===//
//
// Takes a TU's AST and the interface set; hands on, in TUFacts, the
// parameters of the `std::function` signatures that take the service, the
// places callables become such functions, and the parameters of the lambdas
// among them. The planner strips the type's parameter and the lambdas'
// together, or keeps them all.
//
//===----------------------------------------------------------------------===//

#include "matchers/FunctionTypeRecorder.h"

#include "matchers/ServiceRecorder.h"

#include "clang/AST/ExprCXX.h"
#include "clang/AST/TypeLoc.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"
#include "clang/ASTMatchers/ASTMatchers.h"

#include <set>
#include <tuple>

namespace mm {

using namespace clang;
using namespace clang::ast_matchers;

const FunctionProtoType *stdFunctionSignature(QualType T) {
  if (T.isNull())
    return nullptr;
  T = T.getNonReferenceType().getCanonicalType();
  const auto *Spec = dyn_cast_or_null<ClassTemplateSpecializationDecl>(T->getAsCXXRecordDecl());
  if (!Spec || !Spec->getIdentifier() || Spec->getName() != "function" ||
      !Spec->isInStdNamespace())
    return nullptr;
  const TemplateArgumentList &Args = Spec->getTemplateArgs();
  if (Args.size() != 1 || Args[0].getKind() != TemplateArgument::Type)
    return nullptr;
  return Args[0].getAsType()->getAs<FunctionProtoType>();
}

bool takesInterface(QualType T, const InterfaceSet &Set) {
  auto Iface = interfaceOf(T, Set);
  return Iface && Iface->second != Holder::Value;
}

std::string serviceFunctionType(QualType T, const InterfaceSet &Set, const ASTContext &Ctx) {
  const FunctionProtoType *Signature = stdFunctionSignature(T);
  if (!Signature || llvm::none_of(Signature->param_types(),
                                  [&](QualType P) { return takesInterface(P, Set); }))
    return "";
  return T.getNonReferenceType().getCanonicalType().getUnqualifiedType().getAsString(
      Ctx.getPrintingPolicy());
}

namespace {

constexpr llvm::StringLiteral TypeId = "type";
constexpr llvm::StringLiteral ConstructId = "construct";
constexpr llvm::StringLiteral AssignId = "assign";

/// The `std::function` types naming the service and the values they hold.
class FunctionTypeUses : public MatchFinder::MatchCallback, public Recorder {
public:
  FunctionTypeUses(ASTContext &Ctx, const InterfaceSet &Set, const Locator &Loc)
      : Ctx(Ctx), Set(Set), Loc(Loc) {}

  void registerMatchers(MatchFinder &Finder) override {
    if (Set.Names.empty())
      return;
    auto InProject = unless(isExpansionInSystemHeader());
    Finder.addMatcher(templateSpecializationTypeLoc(InProject).bind(TypeId), this);
    Finder.addMatcher(cxxConstructExpr(InProject).bind(ConstructId), this);
    Finder.addMatcher(
        cxxOperatorCallExpr(InProject, hasOverloadedOperatorName("=")).bind(AssignId), this);
  }

  void run(const MatchFinder::MatchResult &R) override {
    if (const auto *TL = R.Nodes.getNodeAs<TypeLoc>(TypeId))
      onType(*TL);
    else if (const auto *E = R.Nodes.getNodeAs<CXXConstructExpr>(ConstructId))
      onConstruct(E);
    else if (const auto *A = R.Nodes.getNodeAs<CXXOperatorCallExpr>(AssignId))
      onAssign(A);
  }

  void finish(TUFacts &Out) override {
    llvm::append_range(Out.Partial.InjectionPoints, Points);
    llvm::append_range(Out.Scan.FunctionValues, Values);
  }

private:
  /// `std::function<R(A, std::shared_ptr<Service>)>` as written: each
  /// parameter taking the service.
  void onType(TypeLoc TL) {
    auto Spec = TL.getAs<TemplateSpecializationTypeLoc>();
    if (!Spec || Spec.getNumArgs() != 1 || !Loc.inProject(TL.getBeginLoc()))
      return;
    std::string Type = serviceFunctionType(TL.getType(), Set, Ctx);
    if (Type.empty() || Spec.getArgLoc(0).getArgument().getKind() != TemplateArgument::Type)
      return;
    TypeSourceInfo *Written = Spec.getArgLoc(0).getTypeSourceInfo();
    auto Signature = Written ? Written->getTypeLoc().IgnoreParens().getAs<FunctionProtoTypeLoc>()
                             : FunctionProtoTypeLoc();
    if (!Signature)
      return;
    for (unsigned I = 0; I < Signature.getNumParams(); ++I)
      if (const ParmVarDecl *P = Signature.getParam(I))
        addParam(InjectionKind::FunctionTypeParam, Type, P, I);
  }

  /// A callable becoming such a function: `Maker m = [](..) {..};`, an
  /// argument given for a parameter of that type. Copies, moves and
  /// `nullptr` make no new value.
  void onConstruct(const CXXConstructExpr *E) {
    if (E->getNumArgs() != 1 || !Loc.inProject(E->getBeginLoc()))
      return;
    onValue(E->getType(), E->getArg(0));
  }

  /// `maker = [](..) {..};`
  void onAssign(const CXXOperatorCallExpr *A) {
    if (A->getNumArgs() != 2 || !Loc.inProject(A->getBeginLoc()))
      return;
    onValue(A->getArg(0)->getType(), A->getArg(1));
  }

  void onValue(QualType FunctionType, const Expr *Callable) {
    std::string Type = serviceFunctionType(FunctionType, Set, Ctx);
    if (Type.empty())
      return;
    QualType From = Callable->getType().getNonReferenceType().getCanonicalType();
    if (From->isNullPtrType() || From.getUnqualifiedType() ==
                                     FunctionType.getNonReferenceType()
                                         .getCanonicalType()
                                         .getUnqualifiedType())
      return;
    const Expr *Written = spelled(Callable);
    FunctionValue V;
    V.Type = Type;
    V.Loc = Loc.span(Written->getSourceRange());
    if (!V.Loc.valid() || !SeenValues.insert({V.Loc.File, V.Loc.Offset, V.Loc.Length}).second)
      return;
    const auto *Lambda = dyn_cast<LambdaExpr>(Written);
    const CXXMethodDecl *Run = Lambda ? Lambda->getCallOperator() : nullptr;
    if (Run && !Lambda->isGenericLambda()) {
      const SourceManager &SM = Loc.sourceManager();
      SourceLocation At = SM.getFileLoc(Lambda->getBeginLoc());
      V.Lambda = "lambda at " + V.Loc.File + ":" + std::to_string(SM.getPresumedLineNumber(At)) +
                 ":" + std::to_string(SM.getPresumedColumnNumber(At));
      for (unsigned I = 0; I < Run->getNumParams(); ++I)
        addParam(InjectionKind::FunctionParam, V.Lambda, Run->getParamDecl(I), I);
    }
    Values.push_back(std::move(V));
  }

  void addParam(InjectionKind Kind, const std::string &Owner, const ParmVarDecl *P,
                unsigned Index) {
    auto Iface = interfaceOf(P->getType(), Set);
    if (!Iface || Iface->second == Holder::Value || !Loc.inProject(P->getLocation()))
      return;
    InjectionPoint IP;
    IP.Kind = Kind;
    IP.Owner = Owner;
    IP.Name = P->getNameAsString();
    IP.Type = typeAsWritten(P, Loc);
    IP.Interface = qualifiedName(Iface->first);
    IP.How = Iface->second;
    IP.Index = Index;
    IP.Loc = Loc.span(P);
    if (!IP.Loc.valid() || !SeenParams.insert({IP.Loc.File, IP.Loc.Offset, IP.Loc.Length}).second)
      return;
    Points.push_back(std::move(IP));
  }

  ASTContext &Ctx;
  const InterfaceSet &Set;
  const Locator &Loc;
  std::vector<InjectionPoint> Points;
  std::vector<FunctionValue> Values;
  /// An instantiation repeats its pattern's locations.
  std::set<std::tuple<std::string, unsigned, unsigned>> SeenParams, SeenValues;
};

} // namespace

std::unique_ptr<Recorder> functionTypeRecorder(ASTContext &Ctx, const InterfaceSet &Set,
                                               const Locator &Loc) {
  return std::make_unique<FunctionTypeUses>(Ctx, Set, Loc);
}

void recordFunctionTypes(ASTContext &Ctx, const InterfaceSet &Set, const Locator &Loc,
                         TUFacts &Out) {
  runRecorders(Ctx, {functionTypeRecorder(Ctx, Set, Loc).get()}, Out);
}

} // namespace mm
