//===--- BodyVisitor.h - What a wrapper's body does -------------*- C++ -*-===//
//
// Internal to matchers/. One walk over a method body of the service, for
// recordMethod (WrapperBody.cpp): the ranges that become holes of its
// template (parameters, metric fields, names it borrows from another
// namespace), the metric fields it touches and the recording calls on
// them, the guards, label switches and other branches deciding what runs,
// and the constants and file-local functions it names. Reads only.
//
//===----------------------------------------------------------------------===//

#ifndef METRICS_MIGRATE_MATCHERS_BODYVISITOR_H
#define METRICS_MIGRATE_MATCHERS_BODYVISITOR_H

#include "core/Facts.h"
#include "matchers/WrapperBody.h"

#include "clang/AST/ExprCXX.h"
#include "clang/AST/RecursiveASTVisitor.h"

#include <map>
#include <optional>
#include <set>
#include <string>
#include <utility>
#include <vector>

namespace mm {

/// Everything a method body does that matters: parameter uses and metric
/// field uses (ranges to turn into holes), and `Add(..)` calls on fields.
class BodyVisitor : public clang::RecursiveASTVisitor<BodyVisitor> {
public:
  BodyVisitor(const clang::FunctionDecl *F,
              const std::map<const clang::FieldDecl *, std::string> &Fields,
              const ContainerMap *Containers = nullptr)
      : F(F), Fields(Fields), Containers(Containers) {}

  bool VisitDeclRefExpr(clang::DeclRefExpr *E);
  bool VisitMemberExpr(clang::MemberExpr *E);
  /// A metric field given a new value (`hits_ = &family_.Add(..)`): what
  /// it holds is the service's state, so the body cannot leave the class.
  bool VisitBinaryOperator(clang::BinaryOperator *BO);
  bool VisitCXXMemberCallExpr(clang::CXXMemberCallExpr *Call);
  /// `if (a < b) return;`: the wrapper records nothing for some arguments.
  bool VisitIfStmt(clang::IfStmt *If);
  /// Loops and jumps: what they hold may run any number of times.
  bool VisitStmt(clang::Stmt *S);
  bool VisitReturnStmt(clang::ReturnStmt *Return);
  /// `switch (param) { case X: label = "x"; break; .. }`: a label switch
  /// when a case assigns a literal to a local; any other switch branches.
  bool VisitSwitchStmt(clang::SwitchStmt *S);
  /// A type named without a qualifier: `Histogram` in
  /// `Histogram::BucketBoundaries{..}` or `std::vector<Histogram>`.
  bool VisitElaboratedTypeLoc(clang::ElaboratedTypeLoc TL);
  bool TraverseNestedNameSpecifierLoc(clang::NestedNameSpecifierLoc NNS);

  /// The metric field a recording method is called on (through `*`, `->`
  /// and a smart pointer), and \p Add when on a child one `Add(..)` took.
  std::optional<std::string> recordedOn(const clang::Expr *E,
                                        const clang::CXXMemberCallExpr *&Add) const;

  struct Hole {
    clang::SourceRange Range;
    TemplatePiece Piece; ///< A text piece: a name spelled with its namespace.
  };
  const clang::FunctionDecl *F;
  const std::map<const clang::FieldDecl *, std::string> &Fields;
  const ContainerMap *Containers;
  std::vector<Hole> Holes;
  std::set<std::string> Touched;
  std::set<const clang::VarDecl *> Constants;
  std::set<const clang::FunctionDecl *> Functions;
  std::set<const clang::FieldDecl *> ConstantMembers;
  /// Locals a label switch assigns: their uses are holes.
  std::set<const clang::VarDecl *> LabelVariables;
  bool UsesState = false;
  /// Methods of the service the body calls, canonical.
  std::set<const clang::CXXMethodDecl *> Called;
  std::vector<std::pair<std::string, const clang::CXXMemberCallExpr *>> Adds;
  /// Metric field -> the recording methods called on it or its children.
  std::map<std::string, std::set<std::string>> Operations;

  /// A call on a metric field, or on the child an `Add(..)` of one takes.
  struct FoundRecording {
    const clang::CXXMemberCallExpr *Call;
    std::string Field;
    const clang::CXXMemberCallExpr *Add; ///< Null when recorded on the field.
  };
  std::vector<FoundRecording> Recordings;
  struct FoundGuard {
    const clang::IfStmt *If;
    const clang::BinaryOperator *Test;
    const clang::ReturnStmt *Return;
  };
  std::vector<FoundGuard> Guards;
  std::vector<const clang::ReturnStmt *> Returns;
  struct FoundSwitch {
    const clang::SwitchStmt *Switch;
    const clang::ParmVarDecl *Param;
    const clang::VarDecl *Variable;
    /// In order.
    std::vector<std::pair<const clang::Expr *, const clang::StringLiteral *>> Cases;
  };
  std::vector<FoundSwitch> Switches;
  /// Statements deciding what runs, other than Guards and Switches (and
  /// ReturnStmts, which a guard may hold).
  std::vector<const clang::Stmt *> Branches;

private:
  /// `label = "x"` (a built-in or a class's `operator=`) to a local of the
  /// body: the local and the literal.
  std::pair<const clang::VarDecl *, const clang::StringLiteral *>
  assignedLiteral(const clang::Stmt *S) const;

  /// `Increment`, `Set`, `Observe`... of a prometheus metric.
  static bool isRecordingMethod(const clang::CXXMethodDecl *M);

  /// The metric field \p E reaches: `family_.Add(..)`, `(*child_)`,
  /// `this->hits_`; nothing through a local or a call of anything else.
  std::optional<std::string> fieldUnder(const clang::Expr *E) const;

  /// Where a call's object leads, through `*`, `->`, a smart pointer and
  /// `Add(..)`: the metric field, the `Add` nearest the object, how many
  /// `Add`s, and whether the field is named on `this`.
  struct Reached {
    std::string Field;
    const clang::CXXMemberCallExpr *Add = nullptr;
    unsigned Adds = 0;
    bool OnThis = false;
  };
  std::optional<Reached> reach(const clang::Expr *E) const;

  void qualifyType(clang::TypeLoc TL);

  /// \p D, named bare at \p Where, declared in a namespace that does not
  /// enclose the body: found through a using-directive or -declaration of
  /// this file, which the files the body goes to may lack. Spelled with its
  /// namespace there (`prometheus::Histogram`).
  void qualifyIfBorrowed(const clang::NamedDecl *D, clang::SourceRange Where);
};

} // namespace mm

#endif // METRICS_MIGRATE_MATCHERS_BODYVISITOR_H
