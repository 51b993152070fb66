//===--- InlineCalls.cpp - Every wrapper call site, rewritten -------------===//
//
// A call of an inlined wrapper becomes the wrapper's body with the call's
// arguments (default arguments where none was written) in place of the
// parameters and constants in place of the fields; a call of a longer wrapper
// becomes a call of a file-local helper. A null check whose body only records
// through the injected pointer gives way to its body. Calls inside macros,
// arguments that would be dropped or evaluated twice, and helpers needed in
// headers are listed for a human instead.
//
//===----------------------------------------------------------------------===//

#include "core/TextEdits.h"
#include "planner/Planner.h"
#include "rewriters/RewriteContext.h"

#include "llvm/ADT/StringExtras.h"

namespace mm {

namespace {

/// A name or literal: safe to repeat or to drop.
bool isTrivial(llvm::StringRef Arg) {
  Arg = Arg.trim();
  if (Arg.empty())
    return true;
  if (Arg.front() == '"' && Arg.back() == '"' && Arg.count('"') == 2)
    return true;
  return llvm::all_of(Arg, [](char C) {
    return llvm::isAlnum(C) || C == '_' || C == ':' || C == '.' || C == '-' || C == '+';
  });
}

unsigned countHoles(llvm::StringRef Template, llvm::StringRef Param) {
  std::string Hole = "${param:" + Param.str() + "}";
  unsigned N = 0;
  for (size_t Pos = Template.find(Hole); Pos != llvm::StringRef::npos;
       Pos = Template.find(Hole, Pos + 1))
    ++N;
  return N;
}

std::string where(const SourceSpan &S) { return S.File + ":" + std::to_string(S.Line); }

} // namespace

llvm::Error inlineCalls(RewriteContext &Ctx) {
  std::map<std::string, const Wrapper *> Wrappers;
  for (const Wrapper &W : Ctx.C.Wrappers)
    Wrappers[W.Signature] = &W;

  // Replacement text per call, keyed by file and offset.
  std::map<std::string, std::vector<std::pair<SourceSpan, Edit>>> Calls;
  for (const CallSite &CS : Ctx.C.CallSites) {
    const WrapperPlan *WP = Ctx.P.wrapper(CS.Signature);
    auto WIt = Wrappers.find(CS.Signature);
    if (!WP || WIt == Wrappers.end() || WP->Fate == WrapperFate::Keep)
      continue;
    const Wrapper &W = *WIt->second;
    std::string Site = CS.Wrapper + " at " + where(CS.Loc);
    if (CS.InMacro) {
      Ctx.manual(CS.Loc, "call to " + CS.Wrapper + " inside a macro expansion",
                 "rewriting the macro's expansion here would change every other use");
      continue;
    }
    std::map<std::string, std::string> Args;
    bool Ok = true;
    for (size_t I = 0; I < W.Params.size(); ++I) {
      const Param &Q = W.Params[I];
      std::string Arg = I < CS.Args.size() ? CS.Args[I] : Q.Default;
      if (Arg.empty()) {
        Ctx.manual(CS.Loc, "call to " + CS.Wrapper, "argument '" + Q.Name + "' is missing");
        Ok = false;
        break;
      }
      if (WP->Fate == WrapperFate::Inline) {
        unsigned Uses = countHoles(W.Template, Q.Name);
        if (Uses == 0 && !isTrivial(Arg)) {
          Ctx.manual(CS.Loc, "call to " + CS.Wrapper,
                     "argument '" + Arg + "' would no longer be evaluated");
          Ok = false;
          break;
        }
        if (Uses > 1 && !isTrivial(Arg)) {
          Ctx.manual(CS.Loc, "call to " + CS.Wrapper,
                     "argument '" + Arg + "' would be evaluated " + std::to_string(Uses) +
                         " times");
          Ok = false;
          break;
        }
      }
      Args[Q.Name] = Arg;
    }
    if (!Ok)
      continue;

    std::string Text;
    if (WP->Fate == WrapperFate::Inline) {
      Text = llvm::StringRef(fillTemplate(W.Template, Ctx.P, Args)).trim().rtrim(';').rtrim().str();
    } else {
      if (isHeaderFile(CS.Loc.File)) {
        Ctx.manual(CS.Loc, "call to " + CS.Wrapper + " in a header",
                   "its body is longer than one expression and a header cannot hold a "
                   "file-local helper");
        continue;
      }
      Text = CS.Wrapper + "(" + llvm::join(CS.Args, ", ") + ")";
      if (Ctx.Placed.insert({CS.Loc.File, W.Signature}).second)
        Ctx.Preamble[CS.Loc.File][RewriteContext::Helpers].push_back(WP->HelperDefinition);
    }
    if (!W.LocalConstants.empty()) {
      if (isHeaderFile(CS.Loc.File)) {
        Ctx.manual(CS.Loc, "call to " + CS.Wrapper + " in a header",
                   "its body uses a constant local to the service's file");
        continue;
      }
      Ctx.constants(CS.Loc.File, W.LocalConstants);
    }
    // The constants it uses come from their owners' headers.
    for (const std::string &Name : W.Metrics) {
      const MetricPlan *MP = Ctx.P.metric(Name);
      if (!MP || (MP->Fate != MetricFate::Moved && MP->Fate != MetricFate::Shared))
        continue;
      if (moduleOf(CS.Loc.File) == MP->Owner)
        continue;
      if (MP->OwnerHeader.empty())
        Ctx.manual(CS.Loc, "use of " + MP->Constant,
                   "its owner " + MP->Owner + " has no header to declare it in");
      else
        Ctx.include(CS.Loc.File, "\"" + MP->OwnerHeader + "\"");
    }
    Calls[CS.Loc.File].push_back(
        {CS.Loc, Edit{CS.Loc.Offset, CS.Loc.Length, Text, "inline " + Site}});
  }

  // Null checks that only guarded recording go with the pointer.
  std::set<std::pair<std::string, unsigned>> Consumed;
  for (const NullGuard &G : Ctx.F.NullGuards) {
    auto It = Calls.find(G.If.File);
    if (It == Calls.end())
      continue;
    std::vector<Edit> Inner;
    for (const auto &[Span, E] : It->second)
      if (Span.Offset >= G.Body.Offset && Span.Offset + Span.Length <= G.Body.Offset + G.Body.Length)
        Inner.push_back(E);
    if (Inner.empty())
      continue;
    if (!G.OnlyRecords) {
      Ctx.manual(G.If, "null check of " + G.Field,
                 "it guards more than recording; remove the check by hand once " + G.Field +
                     " is gone");
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
             "null check of " + G.Field + " at " + where(G.If));
    for (const Edit &E : Inner)
      Consumed.insert({G.If.File, E.Offset});
  }

  for (auto &[File, List] : Calls)
    for (auto &[Span, E] : List)
      if (!Consumed.count({File, E.Offset}))
        Ctx.edit(File, E.Offset, E.Length, E.Text, E.Origin);
  return llvm::Error::success();
}

} // namespace mm
