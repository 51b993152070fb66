//===--- DropCaptures.cpp - `[this]` that only reached the service --------===//
//
// A lambda that captured `this` only to reach an injected field has nothing
// to capture once the field goes: its `this` capture goes too (with its
// separating comma), or clang warns `-Wunused-lambda-capture`. It stays when
// the body reaches any other member, uses `this` itself, or reaches no
// stripped field at all (the capture was not the migration's doing).
//
//===----------------------------------------------------------------------===//

#include "core/TextEdits.h"
#include "rewriters/RewriteContext.h"

#include "llvm/ADT/StringExtras.h"

#include <set>

namespace mm {

namespace {

/// The body of the lambda whose capture list holds \p Offset, from its `{`
/// to its `}` inclusive, as [begin, end); braces in literals and comments do
/// not count. Nothing when the text does not read as one.
std::optional<std::pair<size_t, size_t>> lambdaBody(llvm::StringRef Text, size_t Offset) {
  size_t Open = Text.find('{', Text.find(']', Offset));
  size_t Close = closingBracket(Text, Open);
  if (Close == llvm::StringRef::npos)
    return std::nullopt;
  return std::make_pair(Open, Close + 1);
}

} // namespace

llvm::Error dropCaptures(RewriteContext &Ctx) {
  std::set<std::string> Stripped;
  for (const InjectionPoint &IP : Ctx.P.Strip)
    if (IP.Kind == InjectionKind::Field)
      Stripped.insert(IP.Owner + "::" + IP.Name);
  for (const ThisCapture &T : Ctx.F.ThisCaptures) {
    if (T.OtherUse || !T.Methods.empty() || T.Fields.empty() || !T.Removal.valid())
      continue;
    // A field that stays but that the body no longer names once this run's
    // edits are in (its calls were inlined) does not hold the capture either.
    std::string Edited;
    auto Change = Ctx.Result.Edits.Files.find(T.Capture.File);
    if (Change != Ctx.Result.Edits.Files.end()) {
      auto Text = Ctx.text(T.Capture.File);
      if (!Text)
        return Text.takeError();
      if (auto Body = lambdaBody(*Text, T.Capture.Offset))
        Edited = applyWithin(*Text, Body->first, Body->second - Body->first,
                             Change->second.Edits);
    }
    auto Gone = [&](const std::string &F) {
      llvm::StringRef Name = llvm::StringRef(F).rsplit("::").second;
      return Stripped.count(F) || (!Edited.empty() && !containsWord(Edited, Name));
    };
    if (!llvm::all_of(T.Fields, Gone))
      continue;
    Ctx.edit(T.Removal.File, T.Removal.Offset, T.Removal.Length, "",
             "capture of this at " + T.Capture.File + ":" + std::to_string(T.Capture.Line) +
                 " reached only " + llvm::join(T.Fields, ", "));
  }
  return llvm::Error::success();
}

} // namespace mm
