//===--- BuilderChain.cpp - Read a prometheus-cpp builder chain -----------===//

#include "matchers/BuilderChain.h"

#include "matchers/ServiceRecorder.h"

#include "clang/AST/DeclCXX.h"
#include "clang/AST/ExprCXX.h"

#include "llvm/ADT/DenseMap.h"

#include <algorithm>
#include <functional>

namespace mm {

namespace {

using namespace clang;

bool isStdString(QualType T) {
  const auto *RD = T->getAsCXXRecordDecl();
  return RD && (RD->getName() == "basic_string");
}

void collectLabelNames(const Expr *E, std::vector<std::string> &Out) {
  if (!E)
    return;
  E = stripWrappers(E);
  if (const auto *CE = dyn_cast<CXXConstructExpr>(E)) {
    if (isStdString(CE->getType()))
      return;
    if (CE->getNumArgs() >= 2) {
      if (auto Key = stringLiteralOf(CE->getArg(0))) {
        Out.push_back(*Key);
        return;
      }
    }
    for (const Expr *Arg : CE->arguments())
      collectLabelNames(Arg, Out);
    return;
  }
  if (const auto *ILE = dyn_cast<InitListExpr>(E)) {
    if (ILE->getNumInits() == 2) {
      if (auto Key = stringLiteralOf(ILE->getInit(0))) {
        Out.push_back(*Key);
        return;
      }
    }
    for (const Expr *Init : ILE->inits())
      collectLabelNames(Init, Out);
    return;
  }
  for (const Stmt *Child : E->children())
    if (const auto *CE = dyn_cast_or_null<Expr>(Child))
      collectLabelNames(CE, Out);
}

void collectNumbers(const Expr *E, std::vector<double> &Out, int Depth = 0) {
  if (!E || Depth > 8)
    return;
  E = E->IgnoreParenImpCasts();
  if (const auto *FL = dyn_cast<FloatingLiteral>(E)) {
    Out.push_back(FL->getValueAsApproximateDouble());
    return;
  }
  if (const auto *IL = dyn_cast<IntegerLiteral>(E)) {
    Out.push_back(static_cast<double>(IL->getValue().getSExtValue()));
    return;
  }
  if (const auto *UO = dyn_cast<UnaryOperator>(E);
      UO && UO->getOpcode() == UO_Minus) {
    std::vector<double> Inner;
    collectNumbers(UO->getSubExpr(), Inner, Depth + 1);
    for (double D : Inner)
      Out.push_back(-D);
    return;
  }
  if (const auto *DRE = dyn_cast<DeclRefExpr>(E)) {
    if (const auto *VD = dyn_cast<VarDecl>(DRE->getDecl())) {
      if (const VarDecl *Def = VD->getDefinition(); Def && Def->getInit())
        collectNumbers(Def->getInit(), Out, Depth + 1);
      else if (VD->getInit())
        collectNumbers(VD->getInit(), Out, Depth + 1);
    }
    return;
  }
  if (isa<CXXDefaultArgExpr>(E) || isa<CXXDefaultInitExpr>(E))
    return;
  for (const Stmt *Child : E->children())
    if (const auto *CE = dyn_cast_or_null<Expr>(Child))
      collectNumbers(CE, Out, Depth + 1);
}

/// Source text from the first written argument to the last.
std::string writtenArgs(const CallExpr *Call, const Locator &Loc) {
  const Expr *First = nullptr, *Last = nullptr;
  for (const Expr *Arg : Call->arguments()) {
    if (isa<CXXDefaultArgExpr>(Arg))
      break;
    if (!First)
      First = Arg;
    Last = Arg;
  }
  if (!First)
    return "";
  return Loc.text(SourceRange(First->getBeginLoc(), Last->getEndLoc()));
}

std::optional<MetricKind> builderKind(llvm::StringRef Function) {
  if (Function == "BuildCounter")
    return MetricKind::Counter;
  if (Function == "BuildGauge")
    return MetricKind::Gauge;
  if (Function == "BuildHistogram")
    return MetricKind::Histogram;
  if (Function == "BuildSummary")
    return MetricKind::Summary;
  return std::nullopt;
}

} // namespace

const Expr *stripWrappers(const Expr *E) {
  while (E) {
    const Expr *Next = E->IgnoreParenImpCasts();
    if (const auto *EWC = dyn_cast<ExprWithCleanups>(Next))
      Next = EWC->getSubExpr();
    else if (const auto *MTE = dyn_cast<MaterializeTemporaryExpr>(Next))
      Next = MTE->getSubExpr();
    else if (const auto *BTE = dyn_cast<CXXBindTemporaryExpr>(Next))
      Next = BTE->getSubExpr();
    else if (const auto *FCE = dyn_cast<CXXFunctionalCastExpr>(Next))
      Next = FCE->getSubExpr();
    else if (const auto *List = dyn_cast<InitListExpr>(Next); List && List->getNumInits() == 1)
      Next = List->getInit(0); // `family_{BuildCounter()...}`
    else if (const auto *UO = dyn_cast<UnaryOperator>(Next);
             UO && UO->getOpcode() == UO_AddrOf)
      Next = UO->getSubExpr();
    if (Next == E)
      return E;
    E = Next;
  }
  return E;
}

std::optional<std::string> stringLiteralOf(const Expr *E) {
  E = stripWrappers(E);
  if (const auto *SL = dyn_cast_or_null<StringLiteral>(E))
    return SL->getString().str();
  if (const auto *CE = dyn_cast_or_null<CXXConstructExpr>(E);
      CE && isStdString(CE->getType()) && CE->getNumArgs() >= 1)
    return stringLiteralOf(CE->getArg(0));
  return std::nullopt;
}

AddCall readAddCall(const CXXMemberCallExpr *Add, const Locator &Loc) {
  AddCall Result;
  if (Add->getNumArgs() >= 1)
    collectLabelNames(Add->getArg(0), Result.LabelNames);
  if (Add->getNumArgs() >= 2 && !isa<CXXDefaultArgExpr>(Add->getArg(1))) {
    Result.BucketsText = Loc.text(Add->getArg(1));
    collectNumbers(Add->getArg(1), Result.Buckets);
  }
  return Result;
}

/// \p VD, when it is a local variable of a function (not a parameter)
/// set where it is declared.
static const VarDecl *initializedLocal(const ValueDecl *VD) {
  const auto *Local = dyn_cast_or_null<VarDecl>(VD);
  return Local && Local->hasLocalStorage() && !isa<ParmVarDecl>(Local) && Local->getInit()
             ? Local
             : nullptr;
}

const VarDecl *localFamilyHolder(const ValueDecl *VD) {
  const VarDecl *Local = initializedLocal(VD);
  return Local && (Local->getType()->isReferenceType() || Local->getType()->isPointerType())
             ? Local
             : nullptr;
}

namespace {
/// A helper's parameters, each read as the argument its call passes.
using Bindings = llvm::DenseMap<const ParmVarDecl *, const Expr *>;
const Expr *runtimeRead(const Stmt *S, const Bindings *B);
} // namespace

std::optional<BuilderChain> readChildOfHolder(const Expr *E, const Locator &Loc,
                                              const ValueDecl *&Family) {
  const auto *Add = dyn_cast_or_null<CXXMemberCallExpr>(stripWrappers(E));
  if (!Add || !Add->getMethodDecl() || !Add->getMethodDecl()->getIdentifier() ||
      Add->getMethodDecl()->getName() != "Add")
    return std::nullopt;
  // `family_->Add` (a pointer) or `family_.Add` (a reference or an object);
  // `family->Add` or `family.Add` on a local.
  const Expr *Object = Add->getImplicitObjectArgument()->IgnoreParenImpCasts();
  const ValueDecl *Holder = nullptr;
  if (const auto *Of = dyn_cast<MemberExpr>(Object);
      Of && isa<CXXThisExpr>(Of->getBase()->IgnoreParenImpCasts()))
    Holder = dyn_cast<FieldDecl>(Of->getMemberDecl());
  else if (const auto *Ref = dyn_cast<DeclRefExpr>(Object))
    Holder = localFamilyHolder(Ref->getDecl());
  if (!Holder)
    return std::nullopt;
  Family = cast<ValueDecl>(Holder->getCanonicalDecl());
  BuilderChain Child;
  Child.ChildArgs = writtenArgs(Add, Loc);
  AddCall Facts = readAddCall(Add, Loc);
  Child.ChildLabelNames = std::move(Facts.LabelNames);
  Child.Buckets = std::move(Facts.Buckets);
  Child.BucketsText = std::move(Facts.BucketsText);
  Child.Range = Add->getSourceRange();
  for (const Expr *Arg : Add->arguments())
    if ((Child.RuntimeRead = runtimeRead(Arg, nullptr)))
      break;
  return Child;
}

const Expr *movedFrom(const Stmt *S) {
  const auto *Call = dyn_cast_or_null<CallExpr>(S);
  const FunctionDecl *Callee = Call ? Call->getDirectCallee() : nullptr;
  if (!Callee || Call->getNumArgs() != 1 || !Callee->isInStdNamespace() ||
      !Callee->getIdentifier() || (Callee->getName() != "move" && Callee->getName() != "forward"))
    return nullptr;
  return Call->getArg(0);
}

namespace {

/// The argument the call passes for \p D when \p D is a parameter \p B
/// binds (its default when the call leaves it out), else null.
const Expr *argumentFor(const Decl *D, const Bindings *B) {
  const auto *P = dyn_cast_or_null<ParmVarDecl>(D);
  auto It = P && B ? B->find(P) : Bindings::const_iterator();
  if (!P || !B || It == B->end())
    return nullptr;
  const auto *Default = dyn_cast<CXXDefaultArgExpr>(It->second);
  return Default ? Default->getExpr() : It->second;
}

/// \p E, or the argument bound to the parameter it names (moved or not).
const Expr *bound(const Expr *E, const Bindings *B) {
  if (!B)
    return E;
  const Expr *Inner = stripWrappers(E);
  if (const Expr *Moved = movedFrom(Inner))
    Inner = stripWrappers(Moved);
  // Through a conversion (`const char*` to the `std::string` a setter takes).
  while (const auto *CE = dyn_cast_or_null<CXXConstructExpr>(Inner))
    if (CE->getNumArgs() >= 1 && !isa<CXXDefaultArgExpr>(CE->getArg(0)) &&
        (CE->getNumArgs() == 1 || isa<CXXDefaultArgExpr>(CE->getArg(1))))
      Inner = stripWrappers(CE->getArg(0));
    else
      break;
  const auto *DRE = dyn_cast_or_null<DeclRefExpr>(Inner);
  const Expr *Arg = DRE ? argumentFor(DRE->getDecl(), B) : nullptr;
  return Arg ? Arg : E;
}

/// What the chain's text says differently where it is moved: a bound
/// parameter as its argument, a builder named through a using-directive or
/// an alias as `prometheus::BuildX`.
struct Respelling {
  SourceRange Range;
  std::string Text;
};

void collectBound(const Stmt *S, const Bindings &B, const Locator &Loc,
                  std::vector<Respelling> &Out) {
  if (!S)
    return;
  if (const auto *DRE = dyn_cast<DeclRefExpr>(S))
    if (const Expr *Arg = argumentFor(DRE->getDecl(), &B)) {
      Out.push_back({DRE->getSourceRange(), Loc.text(Arg)});
      return;
    }
  // `std::move(name)` of a bound parameter is the argument, as written.
  if (const Expr *Moved = movedFrom(S))
    if (const auto *DRE = dyn_cast<DeclRefExpr>(Moved->IgnoreParenImpCasts()))
      if (const Expr *Arg = argumentFor(DRE->getDecl(), &B)) {
        Out.push_back({S->getSourceRange(), Loc.text(Arg)});
        return;
      }
  for (const Stmt *Child : S->children())
    collectBound(Child, B, Loc, Out);
}

/// \p Text (whose first character is at \p Whole) with \p Edits applied;
/// \p At, an offset into Text, moved with them. None when an edit is not
/// one piece of Text.
std::optional<std::string> respelled(const std::string &Text, const SourceSpan &Whole,
                                     std::vector<Respelling> Edits, const Locator &Loc,
                                     unsigned &At) {
  std::vector<std::pair<SourceSpan, std::string>> Spans;
  for (Respelling &E : Edits) {
    SourceSpan S = Loc.span(E.Range);
    if (!S.valid() || S.File != Whole.File || S.Offset < Whole.Offset ||
        S.Offset + S.Length > Whole.Offset + Text.size() || E.Text.empty())
      return std::nullopt;
    Spans.emplace_back(S, std::move(E.Text));
  }
  std::sort(Spans.begin(), Spans.end(), [](const auto &A, const auto &B) {
    return A.first.Offset < B.first.Offset;
  });
  std::string Out;
  unsigned Done = 0;
  int64_t Shift = 0; // how far At moves
  for (const auto &[S, Replacement] : Spans) {
    unsigned Begin = S.Offset - Whole.Offset;
    if (Begin < Done)
      return std::nullopt;
    Out += Text.substr(Done, Begin - Done) + Replacement;
    Done = Begin + S.Length;
    if (Begin < At)
      Shift += static_cast<int64_t>(Replacement.size()) - static_cast<int64_t>(S.Length);
  }
  At = static_cast<unsigned>(static_cast<int64_t>(At) + Shift);
  return Out + Text.substr(Done);
}

/// The first variable \p S reads that holds a value known only when the
/// code runs: a parameter or a local of the function around it (a bound
/// parameter: what its argument reads), or a member of the object that is
/// not a constant (constantMember); not a constant.
const Expr *runtimeRead(const Stmt *S, const Bindings *B) {
  if (!S)
    return nullptr;
  if (const auto *DRE = dyn_cast<DeclRefExpr>(S)) {
    if (const Expr *Arg = argumentFor(DRE->getDecl(), B))
      return runtimeRead(Arg, nullptr);
    const auto *VD = dyn_cast<VarDecl>(DRE->getDecl());
    if (VD && (isa<ParmVarDecl>(VD) || VD->hasLocalStorage()) &&
        !VD->isUsableInConstantExpressions(VD->getASTContext()))
      return DRE;
    return nullptr;
  }
  if (const auto *ME = dyn_cast<MemberExpr>(S);
      ME && isa<CXXThisExpr>(ME->getBase()->IgnoreParenImpCasts()) &&
      isa<FieldDecl>(ME->getMemberDecl()) && !constantMember(ME))
    return ME;
  for (const Stmt *Child : S->children())
    if (const Expr *Found = runtimeRead(Child, B))
      return Found;
  return nullptr;
}

/// The constant labels `.Labels(..)` gives (\p Labels, its argument):
/// the keys of its pairs of literals, each with its value when that is a
/// literal too.
void readConstLabels(const Expr *Labels, BuilderChain &Chain) {
  // Constant labels: pairs of literals.
  std::vector<std::string> Keys;
  collectLabelNames(Labels, Keys);
  for (const std::string &K : Keys)
    Chain.ConstLabels.emplace_back(K, "");
  // Values, when they are literals, in order of appearance.
  std::vector<const StringLiteral *> Literals;
  std::function<void(const Stmt *)> Walk = [&](const Stmt *S) {
    if (!S)
      return;
    if (const auto *SL = dyn_cast<StringLiteral>(S)) {
      Literals.push_back(SL);
      return;
    }
    for (const Stmt *Child : S->children())
      Walk(Child);
  };
  Walk(Labels);
  for (size_t I = 0; I < Chain.ConstLabels.size() && 2 * I + 1 < Literals.size(); ++I)
    Chain.ConstLabels[I].second = Literals[2 * I + 1]->getString().str();
}

/// Reads \p MC, one call of a chain read from its end (`.Add(..)`,
/// `.Register(..)`, `.Name(..)`, `.Help(..)`, `.Labels(..)`), called
/// \p Name, into \p Chain; \p Register gets the `.Register(..)` call.
/// False for any other call.
bool readChainCall(const CXXMemberCallExpr *MC, llvm::StringRef Name, const Locator &Loc,
                   const Bindings *B, BuilderChain &Chain,
                   const CXXMemberCallExpr *&Register) {
  // What the registry argument reads is replaced where the chain moves.
  if (Name != "Register" && !Chain.RuntimeRead)
    for (const Expr *Arg : MC->arguments())
      if ((Chain.RuntimeRead = runtimeRead(Arg, B)))
        break;
  if (Name == "Add" && !Register && !Chain.ChildArgs) {
    Chain.ChildArgs = writtenArgs(MC, Loc);
    AddCall Facts = readAddCall(MC, Loc);
    Chain.ChildLabelNames = std::move(Facts.LabelNames);
    Chain.Buckets = std::move(Facts.Buckets);
    Chain.BucketsText = std::move(Facts.BucketsText);
  } else if (Name == "Register") {
    Register = MC;
    if (MC->getNumArgs() >= 1)
      Chain.RegistryArg = Loc.text(bound(MC->getArg(0), B));
  } else if (Name == "Name" && MC->getNumArgs() == 1) {
    Chain.Name = stringLiteralOf(bound(MC->getArg(0), B)).value_or("");
  } else if (Name == "Help" && MC->getNumArgs() == 1) {
    Chain.Help = stringLiteralOf(bound(MC->getArg(0), B)).value_or("");
  } else if (Name == "Labels" && MC->getNumArgs() == 1) {
    readConstLabels(bound(MC->getArg(0), B), Chain);
  } else {
    return false;
  }
  return true;
}

/// BuilderChain::RegisterAt: the `.` of `.Register`, as far into the text
/// as the file has it.
void findRegisterAt(const CXXMemberCallExpr &Register, const Locator &Loc, BuilderChain &Chain) {
  const auto *Member = dyn_cast<MemberExpr>(Register.getCallee()->IgnoreParens());
  SourceSpan Whole = Loc.span(Chain.Range);
  SourceSpan Dot = Member ? Loc.span(SourceRange(Member->getOperatorLoc())) : SourceSpan();
  if (Whole.valid() && Dot.valid() && Dot.File == Whole.File && Dot.Offset >= Whole.Offset &&
      Dot.Offset - Whole.Offset < Chain.Text.size())
    Chain.RegisterAt = Dot.Offset - Whole.Offset;
  else
    Chain.RegisterAt = std::min(llvm::StringRef(Chain.Text).rfind(".Register"), Chain.Text.size());
}

/// Spells \p Chain's text to mean the same in any file: the builder
/// \p Build calls (\p Callee) as `prometheus::BuildX`, a helper's
/// parameters (bound in \p B) as its call's arguments. False when a
/// helper's chain cannot be spelled so.
bool respellChain(const Expr *E, const CallExpr &Build, const FunctionDecl &Callee,
                  const Locator &Loc, const Bindings *B, BuilderChain &Chain) {
  std::vector<Respelling> Edits;
  const auto *CalleeRef = dyn_cast<DeclRefExpr>(Build.getCallee()->IgnoreParenImpCasts());
  std::string Written = CalleeRef ? Loc.text(CalleeRef) : "";
  std::string Qualified = "prometheus::" + Callee.getName().str();
  if (CalleeRef && Written != Qualified && Written != "::" + Qualified)
    Edits.push_back({CalleeRef->getSourceRange(), Qualified});
  if (B)
    collectBound(E, *B, Loc, Edits);
  if (Edits.empty())
    return true;
  auto Text = respelled(Chain.Text, Loc.span(Chain.Range), std::move(Edits), Loc, Chain.RegisterAt);
  if (!Text && B)
    return false;
  if (Text)
    Chain.Text = std::move(*Text);
  return true;
}

std::optional<BuilderChain> readChain(const Expr *E, const Locator &Loc, const Bindings *B) {
  BuilderChain Chain;
  bool ThroughLocal = false;
  const Expr *Cur = stripWrappers(E);
  const CXXMemberCallExpr *Register = nullptr;
  while (const auto *MC = dyn_cast_or_null<CXXMemberCallExpr>(Cur)) {
    const CXXMethodDecl *Method = MC->getMethodDecl();
    if (!Method || !Method->getIdentifier())
      return std::nullopt;
    llvm::StringRef Name = Method->getName();
    if (!readChainCall(MC, Name, Loc, B, Chain, Register))
      return std::nullopt;
    Cur = stripWrappers(MC->getImplicitObjectArgument());
    // A child taken from a family held in a local of the function
    // (`auto& family = Build..Register(r); ok_ = &family.Add(..)`) is read
    // through it here only to say what the chain reads at run time; one
    // that reads nothing is a child of the local's family
    // (readChildOfHolder), which moves with its declaration.
    if (Name == "Add" && !Register)
      if (const auto *Ref = dyn_cast_or_null<DeclRefExpr>(Cur))
        if (const VarDecl *Local = localFamilyHolder(Ref->getDecl())) {
          Cur = stripWrappers(Local->getInit());
          ThroughLocal = true;
        }
  }
  const auto *Build = dyn_cast_or_null<CallExpr>(Cur);
  if (!Build || !Register)
    return std::nullopt;
  const auto *Callee = Build->getDirectCallee();
  if (!Callee || !Callee->getIdentifier())
    return std::nullopt;
  auto Kind = builderKind(Callee->getName());
  if (!Kind || (ThroughLocal && !Chain.RuntimeRead))
    return std::nullopt;
  Chain.Kind = *Kind;
  Chain.Range = SourceRange(Build->getBeginLoc(), Register->getEndLoc());
  Chain.Text = Loc.text(Chain.Range);
  findRegisterAt(*Register, Loc, Chain);
  if (!respellChain(E, *Build, *Callee, Loc, B, Chain))
    return std::nullopt;
  return Chain;
}

/// A call of a free function, a static member function, or a member
/// function on `this` (the service's own `makeCounter(..)`); not an
/// operator, and not a method of another object.
bool isHelperCall(const CallExpr *Call) {
  if (isa<CXXOperatorCallExpr>(Call))
    return false;
  if (const auto *MC = dyn_cast<CXXMemberCallExpr>(Call))
    return isa<CXXThisExpr>(MC->getImplicitObjectArgument()->IgnoreParenImpCasts());
  return true;
}

/// `counter("x_total", "help")`, `counter` a local of the function holding
/// a lambda: the lambda's call operator, and the local.
const CXXMethodDecl *lambdaCalled(const CallExpr *Call, const VarDecl *&Local) {
  const auto *Op = dyn_cast<CXXOperatorCallExpr>(Call);
  if (!Op || Op->getOperator() != OO_Call || Op->getNumArgs() < 1)
    return nullptr;
  const auto *Ref = dyn_cast<DeclRefExpr>(Op->getArg(0)->IgnoreParenImpCasts());
  const VarDecl *Var = Ref ? initializedLocal(Ref->getDecl()) : nullptr;
  if (!Var)
    return nullptr;
  const auto *Lambda = dyn_cast<LambdaExpr>(stripWrappers(Var->getInit()));
  if (!Lambda || Lambda->getCallOperator()->isTemplated())
    return nullptr;
  Local = Var;
  return Lambda->getCallOperator();
}

/// `makeCounterFamily(*registry_, "x_total", "help")`: a call of a function
/// (or of a lambda held in a local) whose body is `return <chain>;`, read
/// with each of its parameters as the argument the call passes.
std::optional<BuilderChain> readHelperCall(const Expr *E, const Locator &Loc) {
  const auto *Call = dyn_cast_or_null<CallExpr>(stripWrappers(E));
  const VarDecl *Local = nullptr;
  const FunctionDecl *Lambda = Call ? lambdaCalled(Call, Local) : nullptr;
  const FunctionDecl *Helper = Lambda ? Lambda : Call ? Call->getDirectCallee() : nullptr;
  const FunctionDecl *Def = nullptr;
  // The lambda's object is the operator call's first argument.
  unsigned Skip = Lambda ? 1 : 0;
  if (!Helper || !(Lambda || isHelperCall(Call)) || !(Lambda || Helper->getIdentifier()) ||
      !Helper->hasBody(Def) || Call->getNumArgs() != Def->getNumParams() + Skip)
    return std::nullopt;
  const auto *Body = dyn_cast_or_null<CompoundStmt>(Def->getBody());
  const auto *Return = Body && Body->size() == 1 ? dyn_cast<ReturnStmt>(Body->body_front())
                                                  : nullptr;
  if (!Return || !Return->getRetValue())
    return std::nullopt;
  Bindings B;
  for (unsigned I = 0; I < Def->getNumParams(); ++I)
    B[Def->getParamDecl(I)] = Call->getArg(I + Skip);
  std::optional<BuilderChain> Chain = readChain(Return->getRetValue(), Loc, &B);
  if (!Chain)
    return std::nullopt;
  Chain->BuiltBy = Local ? Local->getNameAsString() : Helper->getNameAsString();
  Chain->Helper = Def;
  Chain->HelperLocal = Local;
  Chain->Range = Call->getSourceRange();
  Chain->Sources = {Return->getRetValue()};
  for (const Expr *Arg : llvm::drop_begin(Call->arguments(), Skip))
    Chain->Sources.push_back(Arg);
  return Chain;
}

} // namespace

std::optional<BuilderChain> readBuilderChain(const Expr *E, const Locator &Loc) {
  if (auto Chain = readChain(E, Loc, nullptr))
    return Chain;
  if (auto Chain = readHelperCall(E, Loc))
    return Chain;
  // `makeFamily(..).Add(labels)`: a child of the family a helper builds.
  const auto *Add = dyn_cast_or_null<CXXMemberCallExpr>(stripWrappers(E));
  if (!Add || !Add->getMethodDecl() || !Add->getMethodDecl()->getIdentifier() ||
      Add->getMethodDecl()->getName() != "Add")
    return std::nullopt;
  std::optional<BuilderChain> Chain = readHelperCall(Add->getImplicitObjectArgument(), Loc);
  if (!Chain || Chain->ChildArgs)
    return std::nullopt;
  Chain->ChildArgs = writtenArgs(Add, Loc);
  AddCall Facts = readAddCall(Add, Loc);
  Chain->ChildLabelNames = std::move(Facts.LabelNames);
  if (!Facts.Buckets.empty() || !Facts.BucketsText.empty()) {
    Chain->Buckets = std::move(Facts.Buckets);
    Chain->BucketsText = std::move(Facts.BucketsText);
  }
  for (const Expr *Arg : Add->arguments()) {
    if (!Chain->RuntimeRead)
      Chain->RuntimeRead = runtimeRead(Arg, nullptr);
    Chain->Sources.push_back(Arg);
  }
  Chain->Range = Add->getSourceRange();
  return Chain;
}

std::string builtBy(const Expr *E) {
  const auto *Call = dyn_cast_or_null<CallExpr>(stripWrappers(E));
  const VarDecl *Local = nullptr;
  if (Call && lambdaCalled(Call, Local))
    return Local->getNameAsString();
  const FunctionDecl *F = Call && isHelperCall(Call) ? Call->getDirectCallee() : nullptr;
  return F && F->getIdentifier() ? F->getNameAsString() : "";
}

} // namespace mm
