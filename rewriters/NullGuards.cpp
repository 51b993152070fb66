//===--- NullGuards.cpp - Null checks of the pointer, around its calls ----===//
//
// Follows rewriteCallSites (InlineCalls.h): a null check of the injected
// pointer whose body only records gives way to its body, the calls in it
// rewritten (`if (p) p->X();` becomes the recording; `if (p && ready)`
// loses its test of p), and an early `if (!p) return;` before recordings
// only goes with the pointer. A check that guards more than recording, or a
// call that stays, keeps the pointer and is listed for a human.
//
//===----------------------------------------------------------------------===//

#include "core/TextEdits.h"
#include "rewriters/InlineCalls.h"

namespace mm {

llvm::Expected<GuardsDropped> dropNullGuards(RewriteContext &Ctx, const CallRewrites &Calls) {
  GuardsDropped Out;
  std::set<std::pair<std::string, unsigned>> &Consumed = Out.Consumed;
  std::vector<SourceSpan> &Replaced = Out.Replaced;
  std::map<std::pair<std::string, unsigned>, unsigned> &GoneWithChecks = Out.GoneWithChecks;
  auto Gone = [&](const NullGuard &G) {
    if (G.ReceiverParam.valid())
      GoneWithChecks[{G.ReceiverParam.File, G.ReceiverParam.Offset}] += G.ReceiverParamUses;
  };
  std::set<std::pair<std::string, std::string>> Stripped;
  for (const InjectionPoint &IP : Ctx.P.Strip)
    Stripped.insert({IP.Owner, IP.Name});
  for (const NullGuard &G : Ctx.F.NullGuards) {
    if (G.EarlyReturn) {
      // `if (!p) return;` before recordings only: it goes with the pointer.
      if (!G.OnlyRecords) {
        Ctx.manual(G.If, "early return on null " + G.Field,
                   "it guards more than recording, so " + G.Owner + " keeps " + G.Field +
                       " for it; drop both by hand if the check is not needed",
                   LeftBecause::NullGuard);
        continue;
      }
      if (!Stripped.count({G.Owner, G.Field}))
        continue;
      auto Text = Ctx.text(G.If.File);
      if (!Text)
        return Text.takeError();
      auto [Off, Len] = statementLines(*Text, G.If.Offset, G.If.Length);
      Ctx.edit(G.If.File, Off, Len, "", "early return on null " + G.Field + " at " + where(G.If));
      Gone(G);
      continue;
    }
    auto Within = [&](const SourceSpan &S) { return G.Body.contains(S); };
    std::vector<Edit> Inner;
    if (auto It = Calls.Calls.find(G.If.File); It != Calls.Calls.end())
      for (const auto &[Span, E] : It->second)
        if (Within(Span))
          Inner.push_back(E);
    if (auto It = Calls.Staying.find(G.If.File);
        It != Calls.Staying.end() && llvm::any_of(It->second, Within))
      continue; // a call it guards keeps the pointer: the calls are rewritten inside it
    std::string What = G.Helper.empty() ? "null check of " + G.Field
                                        : "call of " + G.Helper + " on " + G.Field;
    // It keeps the pointer (planInjection) whether or not it guards a call
    // rewritten now: every run says so.
    if (!G.OnlyRecords) {
      bool Records = llvm::any_of(Ctx.C.CallSites, [&](const CallSite &CS) {
        return CS.Loc.File == G.If.File && Within(CS.Loc);
      });
      Ctx.manual(G.If, What,
                 (!G.Helper.empty() ? "its lambda does more than record"
                  : Records         ? "it guards more than recording"
                                    : "it guards no recording") +
                     std::string(", so ") + G.Owner + " keeps " + G.Field +
                     " for it; drop both by hand if the check is not needed",
                 LeftBecause::NullGuard);
      continue;
    }
    if (Inner.empty())
      continue;
    // `if (p && ready)`: the test goes, the rest of the condition and the
    // calls, rewritten in place, stay.
    if (G.Conjunct.valid()) {
      Ctx.edit(G.Conjunct.File, G.Conjunct.Offset, G.Conjunct.Length, "",
               What + " at " + where(G.If));
      Gone(G);
      continue;
    }
    auto Text = Ctx.text(G.If.File);
    if (!Text)
      return Text.takeError();
    std::string Body = applyWithin(*Text, G.Body.Offset, G.Body.Length, Inner);
    llvm::StringRef IfText = llvm::StringRef(*Text).substr(G.If.Offset, G.If.Length);
    llvm::StringRef Trimmed = llvm::StringRef(Body).rtrim();
    if (IfText.ends_with("}") && !Trimmed.ends_with(";") && !Trimmed.ends_with("}"))
      Body = Trimmed.str() + ";";
    Ctx.edit(G.If.File, G.If.Offset, G.If.Length, llvm::StringRef(Body).trim().str(),
             What + " at " + where(G.If));
    for (const Edit &E : Inner)
      Consumed.insert({G.If.File, E.Offset});
    Replaced.push_back(G.If);
    Gone(G);
  }

  return Out;
}

} // namespace mm
