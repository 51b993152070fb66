//===--- DropForwardDeclarations.cpp - Unused declarations of the service -===//
//
// A file that declared the service (or an interface) ahead only to hold or
// pass it (`class Metrics;` above `std::shared_ptr<Metrics> metrics_;`)
// names it nowhere else once the injection is stripped. Once every other
// rule has made its edits, such a declaration goes, with the namespace
// block written around it alone; comment lines above it go only when
// nothing follows it directly (they may speak of a group it was part of).
// A declaration the file already left unused stays: it is not the
// migration's to remove.
//
//===----------------------------------------------------------------------===//

#include "core/TextEdits.h"
#include "rewriters/RewriteContext.h"

#include <map>

namespace mm {

namespace {

bool isBlankLine(llvm::StringRef Text, size_t At) {
  size_t End = Text.find('\n', At);
  llvm::StringRef Line = Text.slice(At, End == llvm::StringRef::npos ? Text.size() : End);
  Line = Line.trim(" \t\r");
  return Line.empty() || Line.starts_with("}");
}

/// The range removing \p D's declaration from \p Text.
Edit removal(llvm::StringRef Text, const ForwardDeclaration &D) {
  auto [Offset, Length] = statementLines(Text, D.Decl.Offset, D.Decl.Length);
  if (Offset + Length >= Text.size() || isBlankLine(Text, Offset + Length))
    std::tie(Offset, Length) = declarationLines(Text, D.Decl.Offset, D.Decl.Length);
  Edit E;
  E.Offset = Offset;
  E.Length = Length;
  E.Origin = "declaration of " + D.Class + " no longer needed";
  return E;
}

bool overlaps(const Edit &A, const std::vector<Edit> &Edits) {
  return llvm::any_of(Edits, [&](const Edit &B) {
    return A.Offset < B.Offset + std::max(B.Length, 1u) && B.Offset < A.Offset + A.Length;
  });
}

} // namespace

llvm::Error dropForwardDeclarations(RewriteContext &Ctx) {
  std::map<std::string, std::vector<const ForwardDeclaration *>> ByFile;
  for (const ForwardDeclaration &D : Ctx.F.ForwardDeclarations)
    ByFile[D.Decl.File].push_back(&D);
  for (const auto &[File, Decls] : ByFile) {
    const std::vector<Edit> *Before = Ctx.editsInPlace(File);
    if (!Before)
      continue;
    auto Text = Ctx.text(File);
    if (!Text)
      return Text.takeError();
    std::vector<Edit> Edits = *Before;
    std::vector<Edit> Gone;
    for (const ForwardDeclaration *D : Decls) {
      llvm::StringRef Name = llvm::StringRef(D->Class).rsplit("::").second;
      if (Name.empty())
        Name = D->Class;
      if (D->Decl.Offset + D->Decl.Length > Text->size())
        continue;
      Edit E = removal(*Text, *D);
      if (E.Offset + E.Length > Text->size() || overlaps(E, Edits))
        continue;
      std::vector<Edit> Without = Edits;
      Without.push_back(E);
      if (!containsWord(applyWithin(*Text, 0, Text->size(), {E}), Name) ||
          containsWord(applyWithin(*Text, 0, Text->size(), Without), Name))
        continue;
      Edits.push_back(E);
      Gone.push_back(std::move(E));
    }
    for (Edit &E : Gone)
      Ctx.edit(File, E.Offset, E.Length, "", std::move(E.Origin));
  }
  return llvm::Error::success();
}

} // namespace mm
