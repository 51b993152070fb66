//===--- CachedChild.cpp - A wrapper caching children per label ----------===//

#include "matchers/CachedChild.h"
#include "matchers/ASTUtil.h"

#include "clang/AST/Decl.h"
#include "clang/AST/Expr.h"
#include "llvm/ADT/StringSwitch.h"

namespace mm {

using namespace clang;

namespace {

const Expr *bare(const Expr *E) {
  while (true) {
    const Expr *Next = E->IgnoreParenImpCasts();
    if (const auto *Cleanups = dyn_cast<ExprWithCleanups>(Next))
      Next = Cleanups->getSubExpr();
    if (const auto *Temp = dyn_cast<MaterializeTemporaryExpr>(Next))
      Next = Temp->getSubExpr();
    if (const auto *Bind = dyn_cast<CXXBindTemporaryExpr>(Next))
      Next = Bind->getSubExpr();
    if (const auto *Copy = dyn_cast<CXXConstructExpr>(Next);
        Copy && Copy->getNumArgs() == 1 && Copy->getConstructor()->isCopyOrMoveConstructor())
      Next = Copy->getArg(0);
    if (Next == E)
      return E;
    E = Next;
  }
}

bool isLocal(const ValueDecl *D) {
  const auto *VD = dyn_cast<VarDecl>(D);
  return VD && VD->hasLocalStorage() && !isa<ParmVarDecl>(VD);
}

/// `this->f`, written or implied: the field.
const FieldDecl *fieldOf(const Expr *E) {
  if (const auto *ME = dyn_cast<MemberExpr>(bare(E)))
    if (isa<CXXThisExpr>(ME->getBase()->IgnoreParenImpCasts()))
      return dyn_cast<FieldDecl>(ME->getMemberDecl());
  return nullptr;
}

const VarDecl *localOf(const Expr *E) {
  if (const auto *Ref = dyn_cast<DeclRefExpr>(bare(E)))
    if (isLocal(Ref->getDecl()))
      return cast<VarDecl>(Ref->getDecl());
  return nullptr;
}

bool inNamespace(const Decl *D, llvm::StringRef Name) {
  for (const DeclContext *DC = D->getDeclContext(); DC; DC = DC->getParent())
    if (const auto *NS = dyn_cast<NamespaceDecl>(DC); NS && !NS->isInline())
      return NS->getName() == Name && isa<TranslationUnitDecl>(NS->getParent());
  return false;
}

/// Whether \p E names a local of the body (or a member of the service).
bool mentionsState(const Stmt *S) {
  if (const auto *Ref = dyn_cast<DeclRefExpr>(S); Ref && isLocal(Ref->getDecl()))
    return true;
  if (isa<CXXThisExpr>(S))
    return true;
  for (const Stmt *Child : S->children())
    if (Child && mentionsState(Child))
      return true;
  return false;
}

/// Reads one body; `read` says whether it is a cached child.
class Reader {
public:
  Reader(const std::map<const FieldDecl *, std::string> &Fields) : Fields(Fields) {}

  std::optional<CachedChild> read(const CompoundStmt &Body) {
    if (Body.body_empty())
      return std::nullopt;
    const auto *Record = dyn_cast<CXXMemberCallExpr>(Body.body_back());
    const CXXMethodDecl *Op = Record ? Record->getMethodDecl() : nullptr;
    Child = Record ? localOf(Record->getImplicitObjectArgument()) : nullptr;
    if (!Child || !Child->getType()->isPointerType() || !Op ||
        !inNamespace(Op->getParent(), "prometheus") || writtenArgsMentionState(Record))
      return std::nullopt;
    Out.Record = Record;
    Locals.insert(Child);
    for (const Stmt *S : Body.body())
      if (S != Body.body_back() && !statement(S))
        return std::nullopt;
    if (!Out.Add)
      return std::nullopt;
    return Out;
  }

private:
  static bool writtenArgsMentionState(const CallExpr *Call) {
    for (const Expr *Arg : Call->arguments())
      if (!isa<CXXDefaultArgExpr>(Arg) && mentionsState(Arg))
        return true;
    return false;
  }

  /// A map field the children are kept in: not public, a std::map or
  /// std::unordered_map whose values have the child's type.
  bool cache(const Expr *E) {
    const FieldDecl *FD = fieldOf(E);
    if (!FD || FD->getAccess() == AS_public || Fields.count(FD->getCanonicalDecl()))
      return false;
    const auto *Map = dyn_cast_or_null<ClassTemplateSpecializationDecl>(
        FD->getType()->getAsCXXRecordDecl());
    if (!Map || !Map->isInStdNamespace() ||
        (Map->getName() != "map" && Map->getName() != "unordered_map"))
      return false;
    const TemplateArgumentList &Args = Map->getTemplateArgs();
    if (Args.size() < 2 || Args[1].getKind() != TemplateArgument::Type ||
        !FD->getASTContext().hasSameType(Args[1].getAsType(), Child->getType()))
      return false;
    Out.Caches.insert(FD->getCanonicalDecl());
    return true;
  }

  /// A call on a cache that only reads it.
  bool lookup(const Expr *E) {
    const auto *Call = dyn_cast<CXXMemberCallExpr>(bare(E));
    if (!Call || !Call->getMethodDecl() || !Call->getMethodDecl()->getIdentifier() ||
        !cache(Call->getImplicitObjectArgument()))
      return false;
    bool Reads = llvm::StringSwitch<bool>(Call->getMethodDecl()->getName())
                     .Cases("find", "end", "cend", "count", "contains", "at", true)
                     .Default(false);
    return Reads && llvm::all_of(Call->arguments(), [&](const Expr *A) { return harmless(A); });
  }

  /// An expression that changes nothing: key building, comparisons,
  /// lookups in the caches.
  bool harmless(const Expr *E) {
    E = bare(E);
    if (lookup(E))
      return true;
    if (const auto *BO = dyn_cast<BinaryOperator>(E); BO && BO->isAssignmentOp())
      return false;
    if (const auto *UO = dyn_cast<UnaryOperator>(E); UO && UO->isIncrementDecrementOp())
      return false;
    if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(E)) {
      if (Op->isAssignmentOp() || Op->getOperator() == OO_PlusPlus ||
          Op->getOperator() == OO_MinusMinus || Op->getOperator() == OO_Subscript)
        return false;
    } else if (const auto *Call = dyn_cast<CallExpr>(E)) {
      const FunctionDecl *Callee = Call->getDirectCallee();
      const auto *Method = dyn_cast_or_null<CXXMethodDecl>(Callee);
      bool Fine = Callee && (Method ? Method->isConst() && !mentionsThis(Call->getCallee())
                                    : Callee->isInStdNamespace());
      if (!Fine)
        return false;
    }
    if (isa<CXXThisExpr>(E) || fieldOf(E))
      return false;
    if (const auto *Ref = dyn_cast<DeclRefExpr>(E); Ref && isLocal(Ref->getDecl()) &&
                                                    !Locals.count(Ref->getDecl()))
      return false; // a local declared before: keys, iterators, the child
    for (const Stmt *Child : E->children())
      if (const auto *Sub = dyn_cast_or_null<Expr>(Child); Sub && !harmless(Sub))
        return false;
    return true;
  }

  /// `it->second`, `(*it).second`, `cache_.at(key)`: a child found.
  bool found(const Expr *E) {
    if (lookup(E))
      return true;
    const auto *ME = dyn_cast<MemberExpr>(E);
    if (!ME || !ME->getMemberDecl()->getIdentifier() || ME->getMemberDecl()->getName() != "second")
      return false;
    const auto *Deref = dyn_cast<CXXOperatorCallExpr>(bare(ME->getBase()));
    if (!Deref || (Deref->getOperator() != OO_Arrow && Deref->getOperator() != OO_Star))
      return false;
    const VarDecl *It = localOf(Deref->getArg(0));
    return It && Iterators.count(It);
  }

  /// `&family_->Add(labels)`: the one child taken.
  bool added(const Expr *E) {
    const auto *Addr = dyn_cast<UnaryOperator>(E);
    if (!Addr || Addr->getOpcode() != UO_AddrOf)
      return false;
    const auto *Add = dyn_cast<CXXMemberCallExpr>(bare(Addr->getSubExpr()));
    const CXXMethodDecl *M = Add ? Add->getMethodDecl() : nullptr;
    const FieldDecl *Family = Add ? fieldOf(Add->getImplicitObjectArgument()) : nullptr;
    if (Out.Add || !M || !M->getIdentifier() || M->getName() != "Add" || !Family ||
        !Fields.count(Family->getCanonicalDecl()) || writtenArgsMentionState(Add))
      return false;
    Out.Add = Add;
    return true;
  }

  /// A value the child gets.
  bool value(const Expr *E) {
    E = bare(E);
    if (E->isNullPointerConstant(Child->getASTContext(), Expr::NPC_ValueDependentIsNotNull))
      return true;
    if (const auto *Choice = dyn_cast<ConditionalOperator>(E))
      return harmless(Choice->getCond()) && value(Choice->getTrueExpr()) &&
             value(Choice->getFalseExpr());
    return found(E) || added(E);
  }

  /// `cache_[key] = cnt`, `cache_.emplace(key, cnt)`.
  bool store(const Expr *E) {
    E = bare(E);
    auto IsChild = [&](const Expr *V) { return localOf(V) == Child; };
    // The map's value is a pointer: `=` is the built-in one.
    if (const auto *Assign = dyn_cast<BinaryOperator>(E);
        Assign && Assign->getOpcode() == BO_Assign) {
      const auto *Subscript = dyn_cast<CXXOperatorCallExpr>(bare(Assign->getLHS()));
      return Subscript && Subscript->getOperator() == OO_Subscript &&
             cache(Subscript->getArg(0)) && harmless(Subscript->getArg(1)) &&
             IsChild(Assign->getRHS());
    }
    const auto *Call = dyn_cast<CXXMemberCallExpr>(E);
    const CXXMethodDecl *M = Call ? Call->getMethodDecl() : nullptr;
    if (!M || !M->getIdentifier() || !cache(Call->getImplicitObjectArgument()))
      return false;
    bool Stores = llvm::StringSwitch<bool>(M->getName())
                      .Cases("emplace", "insert", "try_emplace", "insert_or_assign", true)
                      .Default(false);
    return Stores && llvm::all_of(Call->arguments(), [&](const Expr *A) {
             return IsChild(A) || harmless(A);
           });
  }

  bool statement(const Stmt *S) {
    if (const auto *Block = dyn_cast<CompoundStmt>(S))
      return llvm::all_of(Block->body(), [&](const Stmt *Sub) { return statement(Sub); });
    if (const auto *Decls = dyn_cast<DeclStmt>(S))
      return llvm::all_of(Decls->decls(), [&](const Decl *D) { return local(D); });
    if (const auto *If = dyn_cast<IfStmt>(S))
      return !If->isConsteval() && !If->getConditionVariable() &&
             (!If->getInit() || statement(If->getInit())) && harmless(If->getCond()) &&
             statement(If->getThen()) && (!If->getElse() || statement(If->getElse()));
    const auto *E = dyn_cast<Expr>(S);
    if (!E)
      return false;
    if (const auto *Assign = dyn_cast<BinaryOperator>(bare(E));
        Assign && Assign->getOpcode() == BO_Assign && localOf(Assign->getLHS()) == Child)
      return value(Assign->getRHS());
    return store(E);
  }

  /// `T* cnt;`, `auto it = cache_.find(key);`, `std::string key(a + b);`.
  bool local(const Decl *D) {
    const auto *VD = dyn_cast<VarDecl>(D);
    if (!VD || !VD->hasLocalStorage())
      return false;
    const Expr *Init = VD->getInit();
    if (VD == Child)
      return !Init || value(Init);
    if (!Init)
      return false;
    const auto *Call = dyn_cast<CXXMemberCallExpr>(bare(Init));
    if (Call && Call->getMethodDecl() && Call->getMethodDecl()->getIdentifier() &&
        Call->getMethodDecl()->getName() == "find" && lookup(Call)) {
      Iterators.insert(VD);
      Locals.insert(VD);
      return true;
    }
    if (!harmless(Init))
      return false;
    Locals.insert(VD);
    return true;
  }

  const std::map<const FieldDecl *, std::string> &Fields;
  const VarDecl *Child = nullptr;
  std::set<const ValueDecl *> Locals;
  std::set<const VarDecl *> Iterators;
  CachedChild Out;
};

} // namespace

std::optional<CachedChild>
cachedChild(const CompoundStmt &Body, const std::map<const FieldDecl *, std::string> &Fields) {
  return Reader(Fields).read(Body);
}

} // namespace mm
