//===--- DropCaptures.cpp - `[this]` that only reached the service --------===//
//
// A lambda that captured `this` only to reach an injected field has nothing
// to capture once the field goes: its `this` capture goes too (with its
// separating comma), or clang warns `-Wunused-lambda-capture`. It stays when
// the body reaches any other member, uses `this` itself, or reaches no
// stripped field at all (the capture was not the migration's doing).
//
//===----------------------------------------------------------------------===//

#include "rewriters/RewriteContext.h"

#include "llvm/ADT/StringExtras.h"

#include <set>

namespace mm {

llvm::Error dropCaptures(RewriteContext &Ctx) {
  std::set<std::string> Stripped;
  for (const InjectionPoint &IP : Ctx.P.Strip)
    if (IP.Kind == InjectionKind::Field)
      Stripped.insert(IP.Owner + "::" + IP.Name);
  for (const ThisCapture &T : Ctx.F.ThisCaptures) {
    if (T.OtherUse || !T.Methods.empty() || T.Fields.empty() || !T.Removal.valid())
      continue;
    if (!llvm::all_of(T.Fields, [&](const std::string &F) { return Stripped.count(F); }))
      continue;
    Ctx.edit(T.Removal.File, T.Removal.Offset, T.Removal.Length, "",
             "capture of this at " + T.Capture.File + ":" + std::to_string(T.Capture.Line) +
                 " reached only " + llvm::join(T.Fields, ", "));
  }
  return llvm::Error::success();
}

} // namespace mm
