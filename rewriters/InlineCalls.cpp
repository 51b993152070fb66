//===--- InlineCalls.cpp - Every wrapper call site, rewritten -------------===//
//
// A call of an inlined wrapper becomes the wrapper's body with the call's
// arguments (default arguments where none was written) in place of the
// parameters and constants in place of the fields; a call of a longer wrapper
// becomes a call of a file-local helper. A call inside a macro is rewritten
// once, in the macro's definition, where the whole call is spelled. A null
// check whose body only records through the injected pointer gives way to its
// body. Calls the planner found it cannot rewrite (siteProblem) kept their
// wrapper in the service; they are listed for a human here.
//
//===----------------------------------------------------------------------===//

#include "core/TextEdits.h"
#include "planner/Planner.h"
#include "rewriters/RewriteContext.h"

#include "llvm/ADT/StringExtras.h"

namespace mm {

namespace {

std::string where(const SourceSpan &S) { return S.File + ":" + std::to_string(S.Line); }

} // namespace

llvm::Error inlineCalls(RewriteContext &Ctx) {
  std::map<std::string, const Wrapper *> Wrappers;
  for (const Wrapper &W : Ctx.C.Wrappers)
    Wrappers[W.Signature] = &W;

  // Replacement text per call, keyed by file and offset.
  std::map<std::string, std::vector<std::pair<SourceSpan, Edit>>> Calls;
  // Sites that keep their wrapper in the service are for a human.
  for (const WrapperPlan &WP : Ctx.P.Wrappers)
    for (const ManualItem &B : WP.Blockers)
      Ctx.Result.Manual.push_back(B);

  // A call inside a macro is rewritten in the macro's definition, once for
  // all its expansions.
  std::set<std::pair<std::string, unsigned>> Definitions;
  // Calls that stay as they are, by file: a null check around one stays.
  std::map<std::string, std::vector<SourceSpan>> Staying;
  for (const CallSite &CS : Ctx.C.CallSites) {
    const WrapperPlan *WP = Ctx.P.wrapper(CS.Signature);
    auto WIt = Wrappers.find(CS.Signature);
    if (!WP || WIt == Wrappers.end() || WP->Fate == WrapperFate::Keep) {
      Staying[CS.Loc.File].push_back(CS.Loc);
      continue;
    }
    // A test of the service's own wrappers whose body is replaced.
    if (Ctx.P.replacedTest(CS.Loc))
      continue;
    const Wrapper &W = *WIt->second;
    // The planner kept every wrapper with a site it could not rewrite; a
    // call assembled from a macro's arguments has no text to rewrite, and
    // stays as it is if a plan says otherwise (verification catches it).
    if (CS.InMacro && !CS.MacroDefinition.valid())
      continue;
    SourceSpan Loc = CS.InMacro ? CS.MacroDefinition : CS.Loc;
    const std::vector<std::string> &Written = CS.InMacro ? CS.MacroArgs : CS.Args;
    // The object the macro was handed goes from this use of it, with its
    // comma, and the parameter that took it from the definition, once.
    const SourceSpan &Object = CS.MacroReceiverArg;
    bool FirstExpansion = !CS.InMacro || Definitions.insert({Loc.File, Loc.Offset}).second;
    for (const SourceSpan *Gone : {&Object, FirstExpansion ? &CS.MacroReceiverParam : nullptr}) {
      if (!Gone || !Gone->valid())
        continue;
      auto Text = Ctx.text(Gone->File);
      if (!Text)
        return Text.takeError();
      auto [Off, Len] = listElement(*Text, Gone->Offset, Gone->Length);
      SourceSpan Span = *Gone;
      Span.Offset = Off;
      Span.Length = Len;
      Calls[Gone->File].push_back(
          {Span, Edit{Off, Len, "",
                      (Gone == &Object ? "object handed to " : "parameter of ") + CS.Macro +
                          " at " + where(*Gone)}});
    }
    if (!FirstExpansion)
      continue;
    std::string Site = CS.Wrapper + " at " + where(Loc);
    std::map<std::string, std::string> Args;
    for (size_t I = 0; I < W.Params.size(); ++I)
      Args[W.Params[I].Name] = I < Written.size() ? Written[I] : W.Params[I].Default;

    std::string Text, Helper;
    if (WP->Fate == WrapperFate::Inline) {
      Text = llvm::StringRef(fillTemplate(W.Template, Ctx.P, Args, CS.Namespace,
                                             CS.InMacro ? HoleText::MacroArguments
                                                        : HoleText::CallArguments))
                 .trim()
                 .rtrim(';')
                 .rtrim()
                 .str();
    } else {
      // The helper goes in the file's namespace for new code.
      const std::string &FileNS = Ctx.P.namespaceIn(Loc.File);
      Text = spelledFrom(CS.Wrapper, FileNS, CS.Namespace) + "(" + llvm::join(Written, ", ") + ")";
      Helper = helperDefinition(W, Ctx.P, FileNS);
      if (Ctx.Placed.insert({Loc.File, W.Signature}).second)
        Ctx.Preamble[Loc.File][RewriteContext::Helpers].push_back(Helper);
    }
    if (!W.LocalConstants.empty())
      Ctx.constants(Loc.File, W.LocalConstants);
    std::vector<llvm::StringRef> Landing = {Text, Helper};
    for (const auto &[Name, Definition] : W.LocalConstants)
      Landing.push_back(Definition);
    Ctx.includeNeeded(Loc.File, W.Includes, Landing);
    // The constants it uses come from their owners' headers.
    for (const std::string &Name : W.Metrics) {
      const MetricPlan *MP = Ctx.P.metric(Name);
      if (!MP || (MP->Fate != MetricFate::Moved && MP->Fate != MetricFate::Shared))
        continue;
      if (moduleOf(Loc.File) == MP->Owner || Loc.File == MP->OwnerHeader)
        continue;
      if (MP->OwnerHeader.empty())
        Ctx.manual(Loc, "use of " + MP->Constant,
                   "its owner " + MP->Owner + " has no header to declare it in",
                   LeftBecause::NoHeader);
      else
        Ctx.include(Loc.File, includeSpelling(Ctx.F, MP->OwnerHeader, Loc.File));
    }
    Calls[Loc.File].push_back({Loc, Edit{Loc.Offset, Loc.Length, Text, "inline " + Site}});
  }

  // Null checks that only guarded recording go with the pointer.
  std::set<std::pair<std::string, unsigned>> Consumed;
  std::vector<SourceSpan> Replaced; // the checks replaced by what they guarded
  // Uses of a parameter (NullGuard::ReceiverParam) that went with a check.
  std::map<std::pair<std::string, unsigned>, unsigned> GoneWithChecks;
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
    if (auto It = Calls.find(G.If.File); It != Calls.end())
      for (const auto &[Span, E] : It->second)
        if (Within(Span))
          Inner.push_back(E);
    if (llvm::any_of(Staying[G.If.File], Within))
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

  for (auto &[File, List] : Calls)
    for (auto &[Span, E] : List)
      if (!Consumed.count({File, E.Offset}))
        Ctx.edit(File, E.Offset, E.Length, E.Text, E.Origin);

  // A parameter every use of which was the object of a call rewritten above
  // or went with a check (`[&](auto& m) { m.X(); }`,
  // `void run(Env* env) { if (env->stats) env->stats->X(); }`)
  // loses its name (`auto& /*m*/`, `Env* /*env*/`), as clang-tidy's
  // misc-unused-parameters does: the function keeps its signature for
  // whoever calls it, and no unused-parameter warning appears.
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
    if (ParamStays.count(Key) || Rewritten + GoneWithChecks[Key] != CS->ReceiverParamUses)
      continue;
    // A helper's lambda replaced by its body has no parameter left.
    const auto &[File, Offset] = Key;
    if (llvm::any_of(Replaced, [&, &File = File, Offset = Offset](const SourceSpan &S) {
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
