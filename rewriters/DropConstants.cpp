//===--- DropConstants.cpp - Copied constants leave the service's files ---===//
//
// A file-local constant of the service's .cpp (bucket boundaries) that a
// moved builder chain or an inlined wrapper used was copied to each file
// that needs it. Once every other rule has made its edits, the original goes
// when the file, as it will be, no longer names it outside its own
// definition; with it the comment lines above it, and the anonymous
// namespace around it when nothing is left in that (dropMetricHeaders then
// sees the kind's header is no longer needed for the constant's type).
// Constants of headers stay: other files may name them. A constant data
// member of the service goes when the class no longer names it.
//
//===----------------------------------------------------------------------===//

#include "core/TextEdits.h"
#include "rewriters/RewriteContext.h"

#include "llvm/ADT/StringExtras.h"

#include <set>

namespace mm {

namespace {

bool isBlank(llvm::StringRef S) { return S.trim(" \t\r\n").empty(); }

/// The edit removing the whole namespace \p NS (`namespace {` to the line of
/// its `}`, trailing comment included), leaving one blank line where there
/// were blank lines around it; none when it shares a line with other code.
std::optional<Edit> namespaceLines(llvm::StringRef Text, const SourceSpan &NS) {
  unsigned Begin = NS.Offset;
  unsigned End = NS.Offset + NS.Length;
  if (End > Text.size())
    return std::nullopt;
  size_t LineStart = Text.rfind('\n', Begin);
  LineStart = LineStart == llvm::StringRef::npos ? 0 : LineStart + 1;
  size_t LineEnd = Text.find('\n', End);
  LineEnd = LineEnd == llvm::StringRef::npos ? Text.size() : LineEnd;
  llvm::StringRef Rest = Text.slice(End, LineEnd).trim(" \t\r");
  if (!isBlank(Text.slice(LineStart, Begin)) || !(Rest.empty() || Rest.starts_with("//")))
    return std::nullopt;
  size_t PrevStart = LineStart == 0 ? llvm::StringRef::npos : Text.rfind('\n', LineStart - 1);
  PrevStart = PrevStart == llvm::StringRef::npos ? 0 : PrevStart + 1;
  bool PrevBlank = LineStart == 0 || isBlank(Text.slice(PrevStart, LineStart));
  size_t Stop = LineEnd == Text.size() ? LineEnd : LineEnd + 1;
  Edit E;
  if (!PrevBlank) {
    // Under code or a block's opening, what follows stays as it was: the
    // lines, with the line break before them, become a line break (not a
    // deletion, which would take the blank line after with it).
    E.Offset = static_cast<unsigned>(LineStart - 1);
    E.Length = static_cast<unsigned>(Stop - E.Offset);
    E.Text = Stop == LineEnd ? "" : "\n";
    return E;
  }
  // Whole lines, and one of the blank lines around them.
  size_t NextEnd = Text.find('\n', Stop);
  if (NextEnd != llvm::StringRef::npos && isBlank(Text.slice(Stop, NextEnd)))
    Stop = NextEnd + 1;
  E.Offset = static_cast<unsigned>(LineStart);
  E.Length = static_cast<unsigned>(Stop - LineStart);
  return E;
}

/// \p Text with \p Edits applied.
std::string edited(llvm::StringRef Text, const std::vector<Edit> &Edits) {
  return applyWithin(Text, 0, Text.size(), Edits);
}

/// \p File as the migration leaves it; "" when it deletes it.
llvm::Expected<std::string> after(RewriteContext &Ctx, const std::string &File) {
  auto It = Ctx.Result.Edits.Files.find(File);
  if (It != Ctx.Result.Edits.Files.end() && It->second.Delete)
    return "";
  if (It != Ctx.Result.Edits.Files.end() && It->second.NewContent)
    return *It->second.NewContent;
  auto Text = Ctx.text(File);
  if (!Text)
    return Text.takeError();
  return It == Ctx.Result.Edits.Files.end() ? *Text : edited(*Text, It->second.Edits);
}

/// A constant member of the service declared in its header (copied to
/// namespace scope where a moved chain or body used it) goes when neither
/// the header nor the service's source, as the migration leaves them,
/// names it outside that declaration. Only the class can name a member
/// its own methods stopped using; a public one stays.
llvm::Error dropConstantMembers(RewriteContext &Ctx) {
  const Service &S = Ctx.C.TheService;
  for (const LocalConstantSite &L : S.LocalConstants) {
    if (!L.Member || !L.Decl.valid() || !isHeaderFile(L.Decl.File))
      continue;
    auto Header = Ctx.Result.Edits.Files.find(L.Decl.File);
    if (Header == Ctx.Result.Edits.Files.end() || Header->second.NewContent ||
        Header->second.Delete)
      continue; // the migration left the class as it was
    auto Text = Ctx.text(L.Decl.File);
    if (!Text)
      return Text.takeError();
    Edit Removal;
    std::tie(Removal.Offset, Removal.Length) =
        declarationLines(*Text, L.Decl.Offset, L.Decl.Length);
    std::vector<Edit> Without = Header->second.Edits;
    Without.push_back(Removal);
    // The initializer giving it its value in the constructor goes with it,
    // as an element of the initializer list (its comma with it).
    std::optional<Edit> Initializer;
    if (L.Initializer.valid()) {
      if (Ctx.replacedWhole(L.Initializer.File))
        continue;
      auto InitText = Ctx.text(L.Initializer.File);
      if (!InitText)
        return InitText.takeError();
      Initializer.emplace();
      std::tie(Initializer->Offset, Initializer->Length) =
          listElement(*InitText, L.Initializer.Offset, L.Initializer.Length);
      if (L.Initializer.File == L.Decl.File)
        Without.push_back(*Initializer);
    }
    if (namesInCode(edited(*Text, Without), L.Name))
      continue;
    if (!S.Source.empty() && S.Source != L.Decl.File) {
      auto Source = after(Ctx, S.Source);
      if (!Source)
        return Source.takeError();
      if (Initializer && L.Initializer.File == S.Source) {
        auto Original = Ctx.text(S.Source);
        if (!Original)
          return Original.takeError();
        std::vector<Edit> Edits = Ctx.Result.Edits.file(S.Source).Edits;
        Edits.push_back(*Initializer);
        *Source = edited(*Original, Edits);
      }
      if (namesInCode(*Source, L.Name))
        continue;
    }
    std::string Origin = "constant member " + L.Name + " was copied to the files that use it";
    Ctx.edit(L.Decl.File, Removal.Offset, Removal.Length, "", Origin);
    if (Initializer)
      Ctx.edit(L.Initializer.File, Initializer->Offset, Initializer->Length, "", Origin);
  }
  return llvm::Error::success();
}

} // namespace

llvm::Error dropLocalConstants(RewriteContext &Ctx) {
  std::map<std::string, std::vector<const LocalConstantSite *>> ByFile;
  for (const LocalConstantSite &L : Ctx.C.TheService.LocalConstants)
    if (L.Decl.valid() && L.Decl.Length > 0 && !isHeaderFile(L.Decl.File))
      ByFile[L.Decl.File].push_back(&L);
  if (llvm::Error E = dropConstantMembers(Ctx))
    return E;

  for (auto &[File, Sites] : ByFile) {
    const std::vector<Edit> *Touched = Ctx.editsInPlace(File);
    if (!Touched)
      continue; // the migration did not touch the file: its uses are as they were
    auto Text = Ctx.text(File);
    if (!Text)
      return Text.takeError();
    const std::vector<Edit> Before = *Touched;

    // The definitions to delete, to a fixed point: a constant another one's
    // definition named may be left unused by that one going.
    auto Removal = [&](const LocalConstantSite &L) {
      Edit E;
      auto [Offset, Length] = declarationLines(*Text, L.Decl.Offset, L.Decl.Length);
      E.Offset = Offset;
      E.Length = Length;
      E.Origin = "constant " + L.Name + " was copied to the files that use it";
      return E;
    };
    std::vector<const LocalConstantSite *> Gone;
    std::vector<Edit> Deletions;
    for (bool Changed = true; Changed;) {
      Changed = false;
      for (const LocalConstantSite *L : Sites) {
        if (llvm::is_contained(Gone, L))
          continue;
        std::vector<Edit> Without = Before;
        llvm::append_range(Without, Deletions);
        std::vector<Edit> Original = {Removal(*L)};
        Without.push_back(Original.front());
        // Only what the migration left unused: it was named elsewhere before.
        if (!namesInCode(edited(*Text, Original), L->Name) ||
            namesInCode(edited(*Text, Without), L->Name))
          continue;
        Gone.push_back(L);
        Deletions.push_back(Original.front());
        Changed = true;
      }
    }
    if (Gone.empty())
      continue;

    // An anonymous namespace left empty goes whole.
    std::map<std::pair<unsigned, unsigned>, SourceSpan> Namespaces;
    for (const LocalConstantSite *L : Gone)
      if (L->Namespace.valid() && L->Namespace.File == File)
        Namespaces[{L->Namespace.Offset, L->Namespace.Length}] = L->Namespace;
    std::vector<Edit> All = Before;
    llvm::append_range(All, Deletions);
    std::vector<std::pair<unsigned, unsigned>> Emptied;
    for (auto &[Range, NS] : Namespaces) {
      std::string Body = applyWithin(*Text, NS.Offset, NS.Length, All);
      size_t Open = Body.find('{');
      size_t Close = Body.rfind('}');
      if (Open == std::string::npos || Close == std::string::npos || Close < Open ||
          !isBlank(llvm::StringRef(Body).slice(Open + 1, Close)))
        continue;
      if (auto Lines = namespaceLines(*Text, NS)) {
        Emptied.push_back(Range);
        Ctx.edit(File, Lines->Offset, Lines->Length, Lines->Text,
                 "anonymous namespace left empty by the constants copied out");
      }
    }
    for (size_t I = 0; I < Gone.size(); ++I) {
      const SourceSpan &NS = Gone[I]->Namespace;
      if (NS.valid() && NS.File == File &&
          llvm::is_contained(Emptied, std::make_pair(NS.Offset, NS.Length)))
        continue;
      Ctx.edit(File, Deletions[I].Offset, Deletions[I].Length, "", Deletions[I].Origin);
    }
  }
  return llvm::Error::success();
}

} // namespace mm
