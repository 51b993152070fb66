//===--- IncludeFollowUps.cpp - Includes and files the rules left unneeded ===//

#include "rewriters/IncludeFollowUps.h"

#include "core/TextEdits.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/Support/Path.h"

#include <set>

namespace mm {

namespace {

/// Whether a rule changes \p Change's file in place (not created, not
/// deleted).
bool editedInPlace(const FileChange &Change) {
  return !Change.NewContent && !Change.Delete &&
         (!Change.Edits.empty() || !Change.AddIncludes.empty() ||
          !Change.RemoveIncludes.empty());
}

/// \p File's text as the rules leave it, or nothing when it cannot be read.
std::optional<std::string> textOf(const FileReader &Edited, llvm::StringRef File) {
  llvm::Expected<std::string> Text = Edited(File);
  if (!Text) {
    llvm::consumeError(Text.takeError());
    return std::nullopt;
  }
  return std::move(*Text);
}

/// Whether \p Includer, whose text the rules leave as \p Text and whose
/// change is \p Change (or none), includes \p File.
bool includes(const Facts &F, llvm::StringRef Text, const FileChange *Change,
              llvm::StringRef Includer, llvm::StringRef File) {
  return llvm::any_of(includeSpellings(F, Includer, File), [&](const std::string &Spelling) {
    return Text.contains("#include " + Spelling) ||
           (Change && llvm::is_contained(Change->AddIncludes, Spelling));
  });
}

} // namespace

std::vector<std::string> includeSpellings(const Facts &F, llvm::StringRef Includer,
                                          llvm::StringRef File) {
  std::vector<std::string> Out = {"\"" + File.str() + "\""};
  for (const std::string &Spelling : {includeSpelling(F, File), includeSpelling(F, File, Includer)})
    if (!llvm::is_contained(Out, Spelling))
      Out.push_back(Spelling);
  if (llvm::sys::path::parent_path(Includer) == llvm::sys::path::parent_path(File))
    Out.push_back("\"" + llvm::sys::path::filename(File).str() + "\"");
  return Out;
}

void pruneServiceIncludes(EditSet &Edits, const Service &Svc, const Facts &F,
                          const FileReader &Edited, KeepsInclude Kept) {
  std::set<std::string> NamespaceUsers;
  for (const SourceSpan &Use : F.ServiceNamespaceUses)
    NamespaceUsers.insert(Use.File);
  auto NeedsHeader = [&](llvm::StringRef File, llvm::StringRef Text) {
    return NamespaceUsers.count(File.str()) || namesAnyInCode(Text, Svc.HeaderNames);
  };
  auto ChangeOf = [&](llvm::StringRef File) -> const FileChange * {
    auto It = Edits.Files.find(File.str());
    return It == Edits.Files.end() ? nullptr : &It->second;
  };

  std::vector<std::pair<std::string, std::string>> Removals; // file, spelling
  std::vector<std::string> Dropped; // headers that no longer include it
  for (const auto &[File, Change] : Edits.Files) {
    if (!editedInPlace(Change) || File == Svc.Header || moduleOf(File) == moduleOf(Svc.Header))
      continue;
    std::optional<std::string> Text = textOf(Edited, File);
    if (!Text || NeedsHeader(File, *Text))
      continue;
    for (const std::string &Spelling : includeSpellings(F, File, Svc.Header)) {
      if ((!llvm::StringRef(*Text).contains("#include " + Spelling) &&
           !llvm::is_contained(Change.AddIncludes, Spelling)) ||
          Kept(File, Spelling))
        continue;
      Removals.push_back({File, Spelling});
      if (isHeaderFile(File) && !llvm::is_contained(Dropped, File))
        Dropped.push_back(File);
    }
  }

  // A file that still names the service and had it only through one of
  // those headers includes it itself.
  std::vector<std::string> Includers;
  for (const std::string &Other : F.Files) {
    if (Dropped.empty())
      break;
    const FileChange *Change = ChangeOf(Other);
    if (Other == Svc.Header || llvm::is_contained(Dropped, Other) || (Change && Change->Delete))
      continue;
    std::optional<std::string> Text = textOf(Edited, Other);
    if (!Text || !NeedsHeader(Other, *Text) || includes(F, *Text, Change, Other, Svc.Header) ||
        llvm::none_of(Dropped, [&](const std::string &Header) {
          return includes(F, *Text, Change, Other, Header);
        }))
      continue;
    Includers.push_back(Other);
  }

  for (const auto &[File, Spelling] : Removals)
    Edits.file(File).RemoveIncludes.push_back(Spelling);
  for (const std::string &Other : Includers)
    Edits.file(Other).AddIncludes.push_back(includeSpelling(F, Svc.Header, Other));
}

void deleteEmptiedFiles(EditSet &Edits, const Facts &F, const FileReader &Edited,
                        KeepsFile Kept) {
  std::vector<std::string> Emptied;
  for (const auto &[File, Change] : Edits.Files) {
    if (!editedInPlace(Change) || Kept(File))
      continue;
    if (std::optional<std::string> Text = textOf(Edited, File); Text && holdsNoCode(*Text))
      Emptied.push_back(File);
  }
  for (const std::string &File : Emptied) {
    FileChange &Change = Edits.file(File);
    Change = FileChange();
    Change.File = File;
    Change.Delete = true;
  }
  for (const std::string &Other : F.Files) {
    if (Emptied.empty())
      break;
    if (llvm::is_contained(Emptied, Other))
      continue;
    std::optional<std::string> Text = textOf(Edited, Other);
    if (!Text)
      continue;
    for (const std::string &File : Emptied)
      for (const std::string &Spelling : includeSpellings(F, Other, File))
        if (llvm::StringRef(*Text).contains("#include " + Spelling))
          Edits.file(Other).RemoveIncludes.push_back(Spelling);
  }
}

} // namespace mm
