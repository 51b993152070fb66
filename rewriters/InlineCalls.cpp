//===--- InlineCalls.cpp - Every wrapper call site, rewritten -------------===//
//
// A call of an inlined wrapper becomes the wrapper's body with the call's
// arguments (default arguments where none was written) in place of the
// parameters and constants in place of the fields; a call of a longer wrapper
// becomes a call of a file-local helper. A call inside a macro is rewritten
// once, in the macro's definition, where the whole call is spelled. Calls the
// planner found it cannot rewrite (siteProblem) kept their wrapper in the
// service; they are listed for a human here. inlineCalls runs this rule, then
// the two that follow from it (InlineCalls.h): null checks around the calls,
// and the parameters they leave unused.
//
//===----------------------------------------------------------------------===//

#include "core/TextEdits.h"
#include "planner/Planner.h"
#include "rewriters/InlineCalls.h"

#include "llvm/ADT/StringExtras.h"

namespace mm {

std::string where(const SourceSpan &S) { return S.File + ":" + std::to_string(S.Line); }

namespace {

/// The object a macro was handed goes from this use of it, with its comma,
/// and on \p CS's \p FirstExpansion the parameter that took it from the
/// definition.
llvm::Error dropMacroReceiver(RewriteContext &Ctx, const CallSite &CS, bool FirstExpansion,
                              CallRewrites &Out) {
  const SourceSpan &Object = CS.MacroReceiverArg;
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
    Out.Calls[Gone->File].push_back(
        {Span, Edit{Off, Len, "",
                    (Gone == &Object ? "object handed to " : "parameter of ") + CS.Macro +
                        " at " + where(*Gone)}});
  }
  return llvm::Error::success();
}

/// What replaces \p CS, a call of \p W written at \p Loc with the arguments
/// \p Written: the wrapper's body, or a call of a helper that is placed at
/// the top of the file (returned as the second element).
std::pair<std::string, std::string> replacementOf(RewriteContext &Ctx, const CallSite &CS,
                                                  const Wrapper &W, const WrapperPlan &WP,
                                                  const SourceSpan &Loc,
                                                  const std::vector<std::string> &Written) {
  std::string Text, Helper;
  if (WP.Fate == WrapperFate::Inline) {
    std::map<std::string, std::string> Args;
    for (size_t I = 0; I < W.Params.size(); ++I)
      Args[W.Params[I].Name] = I < Written.size() ? Written[I] : W.Params[I].Default;
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
  return {Text, Helper};
}

/// The constants \p W uses come from their owners' headers.
void includeConstantOwners(RewriteContext &Ctx, const Wrapper &W, const SourceSpan &Loc) {
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
}

/// Rewrites \p CS, a call of \p W (written at \p Loc, in a macro's
/// definition or in place), with what it needs in its file.
void rewriteCall(RewriteContext &Ctx, const CallSite &CS, const Wrapper &W,
                 const WrapperPlan &WP, const SourceSpan &Loc, CallRewrites &Out) {
  std::string Site = CS.Wrapper + " at " + where(Loc);
  const std::vector<std::string> &Written = CS.InMacro ? CS.MacroArgs : CS.Args;
  auto [Text, Helper] = replacementOf(Ctx, CS, W, WP, Loc, Written);
  if (!W.LocalConstants.empty())
    Ctx.constants(Loc.File, W.LocalConstants);
  std::vector<llvm::StringRef> Landing = {Text, Helper};
  for (const auto &[Name, Definition] : W.LocalConstants)
    Landing.push_back(Definition);
  Ctx.includeNeeded(Loc.File, W.Includes, Landing);
  includeConstantOwners(Ctx, W, Loc);
  Out.Calls[Loc.File].push_back({Loc, Edit{Loc.Offset, Loc.Length, Text, "inline " + Site}});
}

} // namespace

llvm::Expected<CallRewrites> rewriteCallSites(RewriteContext &Ctx) {
  std::map<std::string, const Wrapper *> Wrappers;
  for (const Wrapper &W : Ctx.C.Wrappers)
    Wrappers[W.Signature] = &W;

  CallRewrites Out;
  // Sites that keep their wrapper in the service are for a human.
  for (const WrapperPlan &WP : Ctx.P.Wrappers)
    for (const ManualItem &B : WP.Blockers)
      Ctx.Result.Manual.push_back(B);

  // A call inside a macro is rewritten in the macro's definition, once for
  // all its expansions.
  std::set<std::pair<std::string, unsigned>> Definitions;
  for (const CallSite &CS : Ctx.C.CallSites) {
    const WrapperPlan *WP = Ctx.P.wrapper(CS.Signature);
    auto WIt = Wrappers.find(CS.Signature);
    if (!WP || WIt == Wrappers.end() || WP->Fate == WrapperFate::Keep) {
      Out.Staying[CS.Loc.File].push_back(CS.Loc);
      continue;
    }
    // A test of the service's own wrappers whose body is replaced.
    if (Ctx.P.replacedTest(CS.Loc))
      continue;
    // The planner kept every wrapper with a site it could not rewrite; a
    // call assembled from a macro's arguments has no text to rewrite, and
    // stays as it is if a plan says otherwise (verification catches it).
    if (CS.InMacro && !CS.MacroDefinition.valid())
      continue;
    SourceSpan Loc = CS.InMacro ? CS.MacroDefinition : CS.Loc;
    bool FirstExpansion = !CS.InMacro || Definitions.insert({Loc.File, Loc.Offset}).second;
    if (llvm::Error Err = dropMacroReceiver(Ctx, CS, FirstExpansion, Out))
      return Err;
    if (FirstExpansion)
      rewriteCall(Ctx, CS, *WIt->second, *WP, Loc, Out);
  }
  return Out;
}

llvm::Error inlineCalls(RewriteContext &Ctx) {
  llvm::Expected<CallRewrites> Calls = rewriteCallSites(Ctx);
  if (!Calls)
    return Calls.takeError();
  llvm::Expected<GuardsDropped> Guards = dropNullGuards(Ctx, *Calls);
  if (!Guards)
    return Guards.takeError();
  // A call a dropped check took into its own replacement is not edited
  // twice.
  for (auto &[File, List] : Calls->Calls)
    for (auto &[Span, E] : List)
      if (!Guards->Consumed.count({File, E.Offset}))
        Ctx.edit(File, E.Offset, E.Length, E.Text, E.Origin);
  return nameOutUnusedParameters(Ctx, *Guards);
}

} // namespace mm
