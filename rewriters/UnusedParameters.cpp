//===--- UnusedParameters.cpp - Receivers the rewritten calls left unused -===//
//
// Follows rewriteCallSites and dropNullGuards (InlineCalls.h): a parameter
// every use of which was the object of a call rewritten there or went with
// a check (`[&](auto& m) { m.X(); }`,
// `void run(Env* env) { if (env->stats) env->stats->X(); }`) loses its name
// (`auto& /*m*/`, `Env* /*env*/`), as clang-tidy's misc-unused-parameters
// does: the function keeps its signature for whoever calls it, and no
// unused-parameter warning appears.
//
//===----------------------------------------------------------------------===//

#include "rewriters/InlineCalls.h"

namespace mm {

llvm::Error nameOutUnusedParameters(RewriteContext &Ctx, const GuardsDropped &Guards) {
  std::map<std::pair<std::string, unsigned>, std::pair<const CallSite *, unsigned>> Params;
  std::set<std::pair<std::string, unsigned>> ParamStays;
  for (const CallSite &CS : Ctx.C.CallSites) {
    if (!CS.ReceiverParam.valid())
      continue;
    auto Key = std::make_pair(CS.ReceiverParam.File, CS.ReceiverParam.Offset);
    auto &[First, Rewritten] = Params[Key];
    First = First ? First : &CS;
    const WrapperPlan *WP = Ctx.P.wrapper(CS.Signature);
    if (WP && WP->Fate != WrapperFate::Keep && !CS.InMacro)
      ++Rewritten;
    else
      ParamStays.insert(Key);
  }
  for (const auto &[Key, Entry] : Params) {
    const auto &[CS, Rewritten] = Entry;
    auto Gone = Guards.GoneWithChecks.find(Key);
    unsigned WentWithChecks = Gone == Guards.GoneWithChecks.end() ? 0 : Gone->second;
    if (ParamStays.count(Key) || Rewritten + WentWithChecks != CS->ReceiverParamUses)
      continue;
    // A helper's lambda replaced by its body has no parameter left.
    const auto &[File, Offset] = Key;
    if (llvm::any_of(Guards.Replaced, [&, &File = File, Offset = Offset](const SourceSpan &S) {
          return S.File == File && S.Offset <= Offset && Offset < S.Offset + S.Length;
        }))
      continue;
    auto Text = Ctx.text(Key.first);
    if (!Text)
      return Text.takeError();
    const SourceSpan &P = CS->ReceiverParam;
    std::string Name = Text->substr(P.Offset, P.Length);
    Ctx.edit(P.File, P.Offset, P.Length, "/*" + Name + "*/",
             "unused parameter " + Name + " at " + where(P));
  }
  return llvm::Error::success();
}

} // namespace mm
