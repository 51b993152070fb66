//===--- InjectionUseRecorder.cpp - What goes when the service goes -------===//
//
// Takes a TU's AST and the interface set; hands on the four recorders of
// what the rewriters edit when the injected service goes, each in its own
// file: argument sites (ArgumentSiteRecorder.cpp), member initializers and
// field statements (FieldStatementRecorder.cpp), null guards
// (NullGuardRecorder.cpp), and the UPPER_SNAKE_CASE names the project
// declares (DeclaredNameRecorder.cpp).
//
//===----------------------------------------------------------------------===//

#include "matchers/InjectionUseRecorder.h"

#include "matchers/InjectionUses.h"

namespace mm {

std::vector<std::unique_ptr<Recorder>> injectionUseRecorders(const InterfaceSet &Set,
                                                             const Locator &Loc) {
  std::unique_ptr<injection::NullGuardRecorder> Guards = injection::nullGuardRecorder(Set, Loc);
  std::vector<std::unique_ptr<Recorder>> Out;
  Out.push_back(injection::argumentSiteRecorder(Set, Loc, *Guards));
  Out.push_back(injection::fieldStatementRecorder(Set, Loc));
  Out.push_back(std::move(Guards));
  Out.push_back(declaredNameRecorder(Loc));
  return Out;
}

void recordInjectionUses(clang::ASTContext &Ctx, const InterfaceSet &Set, const Locator &Loc,
                         TUFacts &Out) {
  std::vector<std::unique_ptr<Recorder>> Recorders = injectionUseRecorders(Set, Loc);
  std::vector<Recorder *> All;
  for (const std::unique_ptr<Recorder> &R : Recorders)
    All.push_back(R.get());
  runRecorders(Ctx, All, Out);
}

} // namespace mm
