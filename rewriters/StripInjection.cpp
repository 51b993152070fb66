//===--- StripInjection.cpp - The injected service goes everywhere --------===//
//
// For every injection point the plan strips: the parameter (declaration and
// definition, with its separating comma and default argument), the field,
// its member initializer, and the matching argument at every construction
// or call site.
//
//===----------------------------------------------------------------------===//

#include "core/TextEdits.h"
#include "rewriters/RewriteContext.h"

#include "llvm/ADT/StringExtras.h"

#include <map>
#include <set>


namespace mm {

namespace {

/// True when the site is `T name(arg)` with arg the only argument: the
/// construction of a variable, which must not become `T name()`.
bool declaresVariable(llvm::StringRef Text, const ArgumentSite &A) {
  if (!(A.Removal == A.Arg))
    return false; // other arguments remain
  llvm::StringRef Before = Text.take_front(A.Call.Offset).rtrim();
  if (Before.empty())
    return false;
  char Last = Before.back();
  if (!(llvm::isAlnum(Last) || Last == '_' || Last == '>'))
    return false;
  size_t WordStart = Before.find_last_not_of(
      "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_");
  llvm::StringRef Word = Before.drop_front(WordStart == llvm::StringRef::npos ? 0 : WordStart + 1);
  return Word != "return" && Word != "new" && Word != "throw" && Word != "co_return";
}

} // namespace

llvm::Error stripInjection(RewriteContext &Ctx) {
  // (owner, parameter index) of every stripped parameter, and (owner, field)
  // of every stripped field.
  std::set<std::pair<std::string, unsigned>> Params;
  std::set<std::pair<std::string, std::string>> Fields;
  // Constructors losing parameters that may be left with one, by where
  // `explicit` would go: how many they lose.
  std::map<std::pair<std::string, unsigned>, std::pair<const InjectionPoint *, unsigned>>
      LeftWithOne;
  for (const InjectionPoint &IP : Ctx.P.Strip) {
    auto Text = Ctx.text(IP.Loc.File);
    if (!Text)
      return Text.takeError();
    std::string Origin = "strip " + IP.Owner + "::" + IP.Name;
    if (IP.Kind == InjectionKind::Field) {
      Fields.insert({IP.Owner, IP.Name});
      auto [Off, Len] = declarationLines(*Text, IP.Loc.Offset, IP.Loc.Length);
      Ctx.edit(IP.Loc.File, Off, Len, "", Origin);
      continue;
    }
    Params.insert({IP.Owner, IP.Index});
    auto [Off, Len] = listElement(*Text, IP.Loc.Offset, IP.Loc.Length);
    Ctx.edit(IP.Loc.File, Off, Len, "", Origin);
    if (IP.Kind == InjectionKind::ConstructorParam && IP.ExplicitAt.valid()) {
      auto &[Ctor, Lost] = LeftWithOne[{IP.ExplicitAt.File, IP.ExplicitAt.Offset}];
      Ctor = &IP;
      ++Lost;
    }
    // A constructor left without parameters needs no `explicit`.
    if (IP.Kind == InjectionKind::ConstructorParam)
      if (std::optional<std::pair<unsigned, unsigned>> Explicit =
              explicitOfEmptiedList(*Text, Off, Len))
        Ctx.edit(IP.Loc.File, Explicit->first, Explicit->second, "",
                 Origin + ": `explicit` of a constructor left without parameters");
  }

  // One left with a single parameter becomes `explicit`, as the project
  // writes its other one-parameter constructors; not when a braced list
  // builds its class (`return {outbox, stats};` would stop compiling).
  std::set<std::string> BracedBuilt;
  for (const ArgumentSite &A : Ctx.F.ArgumentSites)
    if (A.Form == "brace")
      BracedBuilt.insert(A.Callee);
  for (const auto &[At, Lost] : LeftWithOne)
    if (Lost.first->Params == Lost.second + 1 && !BracedBuilt.count(Lost.first->Owner))
      Ctx.edit(At.first, At.second, 0, "explicit ",
               "constructor of " + Lost.first->Owner + " left with one parameter: `explicit`, "
               "as the project writes its one-parameter constructors");

  for (const MemberInit &MI : Ctx.F.MemberInits) {
    if (!Fields.count({MI.Owner, MI.Field}))
      continue;
    if (!MI.Removal.valid()) {
      Ctx.manual(MI.Init, "initializer of " + MI.Owner + "::" + MI.Field,
                 "it cannot be removed as written", LeftBecause::Injection,
                 ManualSubject::Initializer);
      continue;
    }
    Ctx.edit(MI.Removal.File, MI.Removal.Offset, MI.Removal.Length, "",
             "strip initializer of " + MI.Owner + "::" + MI.Field);
  }

  // (An argument written once in a template and handed to one callee per
  // instantiation: the plan strips all of them or none; the edits are one.)
  for (const ArgumentSite &A : Ctx.F.ArgumentSites) {
    if (!Params.count({A.Callee, A.Index}))
      continue;
    if (!A.Removal.valid()) {
      Ctx.manual(A.Arg, "argument '" + A.ArgText + "' to " + A.Callee,
                 "it cannot be removed as written (inside a macro?)", LeftBecause::Injection,
                 ManualSubject::Argument);
      continue;
    }
    auto Text = Ctx.text(A.Removal.File);
    if (!Text)
      return Text.takeError();
    if (A.Form == "paren" && declaresVariable(*Text, A)) {
      // `T x(metrics)` would become `T x()`, a function declaration: drop
      // the parentheses with the argument.
      llvm::StringRef T = *Text;
      size_t Open = T.rfind('(', A.Arg.Offset);
      size_t Close = T.find(')', A.Arg.Offset + A.Arg.Length);
      Ctx.edit(A.Removal.File, Open, Close + 1 - Open, "",
               "drop the only argument '" + A.ArgText + "' of " + A.Callee + " at " +
                   A.Call.File + ":" + std::to_string(A.Call.Line));
      continue;
    }
    Ctx.edit(A.Removal.File, A.Removal.Offset, A.Removal.Length, "",
             "drop argument '" + A.ArgText + "' to " + A.Callee + " at " + A.Call.File + ":" +
                 std::to_string(A.Call.Line));
  }
  return llvm::Error::success();
}

} // namespace mm
