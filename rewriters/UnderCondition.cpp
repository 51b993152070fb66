//===--- UnderCondition.cpp - Recordings of an optional service -----------===//
//
// When the service is compiled in one configuration only (Plan::Optional),
// each recording statement the plan lists is put under the same condition,
// between an opening directive and `#endif` lines of their own, so the
// configuration without the service compiles none of it, as before. The
// recording's own edits (the call rewritten, a null check removed) are left
// as they are: the directives go around them. The moved definitions and the
// includes they need follow the same condition (placePreambles and
// FileChange::IncludeCondition).
//
//===----------------------------------------------------------------------===//

#include "core/Conditions.h"
#include "rewriters/RewriteContext.h"

#include "llvm/ADT/StringExtras.h"

#include <set>

namespace mm {

llvm::Error underCondition(RewriteContext &Ctx) {
  if (!Ctx.P.Optional)
    return llvm::Error::success();
  const OptionalBuild &O = *Ctx.P.Optional;
  for (const OptionalBuild::Unit &U : O.Statements) {
    const SourceSpan &S = U.Span;
    auto Text = Ctx.text(S.File);
    if (!Text)
      return Text.takeError();
    llvm::StringRef T = *Text;
    if (S.Offset + S.Length > T.size())
      continue;
    std::string Origin = "the recording at " + S.File + ":" + std::to_string(S.Line) +
                         " under `" + O.Condition + "`";
    // Where the line holding \p Offset starts, and a line's leading blanks.
    auto LineStartOf = [&](size_t Offset) -> size_t {
      size_t NL = Offset == 0 ? llvm::StringRef::npos : T.rfind('\n', Offset - 1);
      return NL == llvm::StringRef::npos ? 0 : NL + 1;
    };
    auto Blanks = [](llvm::StringRef Line) {
      return Line.take_while([](char C) { return C == ' ' || C == '\t'; });
    };
    size_t LineStart = LineStartOf(S.Offset);
    llvm::StringRef Before = T.slice(LineStart, S.Offset);
    bool AloneBefore = Before.trim(" \t").empty();
    llvm::StringRef Indent = Blanks(Before);
    // The unbraced body of an `if`, `else` or loop gets braces, so that
    // without the condition it is an empty block, not the next statement;
    // so does a statement under a `case` label, which must not be left
    // with nothing. The brace opens at the end of the line above (`if (x)
    // {`, `case 1: {`) and closes at that line's indentation.
    std::string OpenBrace = U.Braces ? Indent.str() + "{\n" : "";
    std::string CloseBrace = U.Braces ? "\n" + Indent.str() + "}" : "";
    if (U.Braces && AloneBefore && LineStart > 0) {
      llvm::StringRef Line = T.slice(LineStartOf(LineStart - 1), LineStart - 1);
      bool Plain = !Line.trim().empty() && !Line.contains("//") && !Line.contains("/*") &&
                   !Line.trim().starts_with("#");
      if (Plain) {
        Ctx.edit(S.File, LineStart - 1, 0, " {", Origin);
        OpenBrace.clear();
        CloseBrace = "\n" + Blanks(Line).str() + "}";
      }
    }
    if (AloneBefore)
      Ctx.edit(S.File, LineStart, 0, OpenBrace + O.Open + "\n", Origin);
    else
      Ctx.edit(S.File, S.Offset, 0,
               (U.Braces ? "{" : "") + std::string("\n") + O.Open + "\n" + Indent.str(),
               Origin);
    unsigned End = S.Offset + S.Length;
    size_t LineEnd = T.find('\n', End);
    if (LineEnd == llvm::StringRef::npos)
      LineEnd = T.size();
    llvm::StringRef Rest = T.slice(End, LineEnd).trim(" \t\r");
    if (Rest.empty() || Rest.starts_with("//"))
      Ctx.edit(S.File, LineEnd, 0, "\n#endif" + CloseBrace, Origin);
    else
      Ctx.edit(S.File, End, 0, "\n#endif" + CloseBrace + "\n" + Indent.str(), Origin);
  }
  // A local variable a recording put under the condition reads, and that
  // nothing outside what goes under it reads (a test of it around the
  // recording goes too), is unused without it: it says so.
  auto Under = [&](const SourceSpan &S) {
    return llvm::any_of(O.Statements,
                        [&](const OptionalBuild::Unit &U) { return U.Span.contains(S); });
  };
  std::set<std::pair<std::string, unsigned>> Marked;
  for (const CallSite &CS : Ctx.C.CallSites) {
    if (!Under(CS.Loc))
      continue;
    for (const CallSite::ArgumentLocal &L : CS.ArgumentLocals)
      if (llvm::all_of(L.Reads, Under) && Marked.insert({L.Decl.File, L.Decl.Offset}).second)
        Ctx.edit(L.Decl.File, L.Decl.Offset, 0, "[[maybe_unused]] ",
                 "a local read only under `" + O.Condition + "`");
  }
  return llvm::Error::success();
}

} // namespace mm
