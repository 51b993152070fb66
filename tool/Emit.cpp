//===--- Emit.cpp - Materialized files -> diff, stat, disk, YAML ----------===//

#include "tool/Emit.h"

#include "core/LineDiff.h"

#include "clang/Tooling/ReplacementsYaml.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Format.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/YAMLTraits.h"

#include <algorithm>
#include <cstdlib>
#include <cstring>

namespace mm {

namespace {

/// The changed files, sorted by path.
std::vector<const MaterializedFile *>
changedInPathOrder(llvm::ArrayRef<MaterializedFile> Files) {
  std::vector<const MaterializedFile *> Result;
  for (const MaterializedFile &F : Files)
    if (F.changed())
      Result.push_back(&F);
  llvm::stable_sort(Result, [](const MaterializedFile *A, const MaterializedFile *B) {
    return A->File < B->File;
  });
  return Result;
}

std::string absolutePath(const MaterializeOptions &Opts, llvm::StringRef File) {
  llvm::SmallString<256> Path(Opts.Root);
  llvm::sys::path::append(Path, File);
  return std::string(Path);
}

/// As `git rm` does: the folders a deleted file leaves empty go too, up to
/// the root. A folder that still holds anything stops the walk.
void removeEmptiedParents(llvm::StringRef File, const MaterializeOptions &Where) {
  for (llvm::StringRef Dir = llvm::sys::path::parent_path(File); !Dir.empty();
       Dir = llvm::sys::path::parent_path(Dir)) {
    std::string Absolute = absolutePath(Where, Dir);
    std::error_code EC;
    if (llvm::sys::fs::directory_iterator(Absolute, EC) != llvm::sys::fs::directory_iterator() ||
        EC)
      return;
    if (llvm::sys::fs::remove(Absolute))
      return;
  }
}

/// \p Prefix + \p Path, in double quotes with C escapes when the path holds
/// a quote, a backslash, a control character or a non-ASCII byte (git's
/// default core.quotePath).
std::string gitQuoted(llvm::StringRef Prefix, llvm::StringRef Path) {
  auto NeedsQuote = [](unsigned char C) {
    return C < 0x20 || C == '"' || C == '\\' || C >= 0x7f;
  };
  if (llvm::none_of(Path, NeedsQuote))
    return (Prefix + Path).str();
  std::string Out = "\"" + Prefix.str();
  for (unsigned char C : Path) {
    switch (C) {
    case '\a': Out += "\\a"; break;
    case '\b': Out += "\\b"; break;
    case '\t': Out += "\\t"; break;
    case '\n': Out += "\\n"; break;
    case '\v': Out += "\\v"; break;
    case '\f': Out += "\\f"; break;
    case '\r': Out += "\\r"; break;
    case '"': Out += "\\\""; break;
    case '\\': Out += "\\\\"; break;
    default:
      if (NeedsQuote(C)) {
        Out += '\\';
        Out += char('0' + ((C >> 6) & 7));
        Out += char('0' + ((C >> 3) & 7));
        Out += char('0' + (C & 7));
      } else {
        Out += char(C);
      }
    }
  }
  return Out + "\"";
}

/// A `---`/`+++` label; git ends one holding a space with a tab so the name
/// cannot run into anything after it.
void printLabel(llvm::raw_ostream &OS, llvm::StringRef Marker, llvm::StringRef Label) {
  OS << Marker << ' ' << Label << (Label.contains(' ') ? "\t" : "") << '\n';
}

unsigned decimalWidth(unsigned N) {
  unsigned Width = 1;
  for (; N >= 10; N /= 10)
    ++Width;
  return Width;
}

/// git's scale_linear: at least one column for any change.
unsigned scaleLinear(unsigned It, unsigned Width, unsigned MaxChange) {
  if (It == 0)
    return 0;
  return 1 + It * (Width - 1) / MaxChange;
}

llvm::Error fileError(llvm::StringRef File, const llvm::Twine &Message) {
  return llvm::createStringError(llvm::inconvertibleErrorCode(),
                                 (File + ": error: " + Message).str());
}

/// A new text written next to its target, not yet renamed over it.
struct PendingWrite {
  llvm::sys::fs::TempFile Temp;
  std::string Target;
  std::string File; ///< Relative to the root.
};

/// A fault the tests ask for: when the environment variable \p Variable
/// names the end of \p Target's path, fails with \p Code as the disk
/// would (ENOSPC while writing, EIO while renaming).
llvm::Error injectedFault(const char *Variable, llvm::StringRef Target, std::errc Code) {
  const char *Victim = std::getenv(Variable);
  if (!Victim || !*Victim || !Target.ends_with(Victim) ||
      (Target.size() > std::strlen(Victim) &&
       Target[Target.size() - std::strlen(Victim) - 1] != '/'))
    return llvm::Error::success();
  return llvm::errorCodeToError(std::make_error_code(Code));
}

void discardAll(std::vector<PendingWrite> &Pending) {
  for (PendingWrite &P : Pending)
    llvm::consumeError(P.Temp.discard());
  Pending.clear();
}

llvm::Expected<PendingWrite> writeBeside(const MaterializedFile &F,
                                         llvm::StringRef Target) {
  llvm::SmallString<256> Dir(Target);
  llvm::sys::path::remove_filename(Dir);
  if (F.Created)
    if (std::error_code EC = llvm::sys::fs::create_directories(Dir))
      return fileError(F.File, "cannot create directory " + Dir + ": " + EC.message());
  llvm::SmallString<256> Model(Dir);
  llvm::sys::path::append(Model, "." + llvm::sys::path::filename(Target) +
                                     ".mm-%%%%%%.tmp");
  llvm::Expected<llvm::sys::fs::TempFile> Temp = llvm::sys::fs::TempFile::create(Model);
  if (!Temp)
    return fileError(F.File, "cannot write: " + llvm::toString(Temp.takeError()));
  PendingWrite P{std::move(*Temp), Target.str(), F.File};
  auto Fail = [&](const llvm::Twine &Why) {
    llvm::consumeError(P.Temp.discard());
    return fileError(F.File, "cannot write: " + Why);
  };
  {
    llvm::raw_fd_ostream OS(P.Temp.FD, /*shouldClose=*/false);
    OS << F.After;
    OS.flush();
    if (llvm::Error Fault = injectedFault("METRICS_MIGRATE_TEST_FAIL_WRITE", Target,
                                          std::errc::no_space_on_device))
      return Fail(llvm::toString(std::move(Fault)));
    if (OS.has_error()) {
      std::string Why = OS.error().message();
      OS.clear_error();
      return Fail(Why);
    }
  }
  if (!F.Created) {
    llvm::ErrorOr<llvm::sys::fs::perms> Perms = llvm::sys::fs::getPermissions(Target);
    if (!Perms)
      return Fail(Perms.getError().message());
    if (std::error_code EC = llvm::sys::fs::setPermissions(P.Temp.TmpName, *Perms))
      return Fail(EC.message());
  }
  return P;
}

/// Step 1 of applyFiles: every file still holds its text before (a created
/// file is still absent) and someone may write it; else an error listing
/// them all.
llvm::Error checkUnchanged(llvm::ArrayRef<const MaterializedFile *> Changed,
                           const MaterializeOptions &Where) {
  std::vector<std::string> Stale, ReadOnly;
  for (const MaterializedFile *F : Changed) {
    std::string Target = absolutePath(Where, F->File);
    if (F->Created) {
      if (llvm::sys::fs::exists(Target))
        Stale.push_back(F->File + ": error: file changed since it was read "
                                  "(it exists now)");
      continue;
    }
    llvm::ErrorOr<std::unique_ptr<llvm::MemoryBuffer>> Now =
        llvm::MemoryBuffer::getFile(Target, /*IsText=*/false,
                                    /*RequiresNullTerminator=*/false);
    if (!Now)
      Stale.push_back(F->File + ": error: file changed since it was read (" +
                      Now.getError().message() + ")");
    else if ((*Now)->getBuffer() != F->Before)
      Stale.push_back(F->File + ": error: file changed since it was read");
    // A file nobody may write (a Perforce checkout, a generated file) is
    // left alone even when the file system would let us replace it.
    llvm::ErrorOr<llvm::sys::fs::perms> Perms = llvm::sys::fs::getPermissions(Target);
    if (Perms && !(*Perms & llvm::sys::fs::all_write))
      ReadOnly.push_back(F->File + ": error: file is read-only");
  }
  if (!Stale.empty())
    return llvm::make_error<EditConflictError>(llvm::join(Stale, "\n") +
                                               "\nnothing was written");
  if (!ReadOnly.empty())
    return llvm::make_error<WriteError>(llvm::join(ReadOnly, "\n") +
                                        "\nnothing was written; make the files writable "
                                        "(chmod u+w, p4 edit) and run again");
  return llvm::Error::success();
}

/// Step 2 of applyFiles: copies the originals under \p BackupDir.
llvm::Error backUp(llvm::ArrayRef<const MaterializedFile *> Changed,
                   const MaterializeOptions &Where, const std::string &BackupDir) {
  for (const MaterializedFile *F : Changed) {
    if (F->Created)
      continue;
    std::string Copy = absolutePath(MaterializeOptions{BackupDir, ""}, F->File);
    std::error_code EC = llvm::sys::fs::create_directories(llvm::sys::path::parent_path(Copy));
    if (!EC)
      EC = llvm::sys::fs::copy_file(absolutePath(Where, F->File), Copy);
    if (EC)
      return llvm::make_error<WriteError>(F->File + ": error: cannot back up to " + Copy +
                                          ": " + EC.message() + "\nnothing was written");
  }
  return llvm::Error::success();
}

/// Step 3 of applyFiles: every new text beside its target; on a failure,
/// none.
llvm::Expected<std::vector<PendingWrite>>
writeAllBeside(llvm::ArrayRef<const MaterializedFile *> Changed,
               const MaterializeOptions &Where) {
  std::vector<PendingWrite> Pending;
  for (const MaterializedFile *F : Changed) {
    if (F->Deleted)
      continue;
    llvm::Expected<PendingWrite> P = writeBeside(*F, absolutePath(Where, F->File));
    if (!P) {
      discardAll(Pending);
      return llvm::make_error<WriteError>(llvm::toString(P.takeError()) +
                                          "\nnothing was written");
    }
    Pending.push_back(std::move(*P));
  }
  return Pending;
}

/// A failure after the first rename: \p Why, then which files hold their
/// new text (\p Written) and which their old one.
llvm::Error midwayError(llvm::ArrayRef<const MaterializedFile *> Changed,
                        llvm::ArrayRef<std::string> Written, std::string Why) {
  std::vector<std::string> NotWritten;
  for (const MaterializedFile *F : Changed)
    if (!llvm::is_contained(Written, F->File))
      NotWritten.push_back(F->File);
  Why += "\nwritten (new text): " + (Written.empty() ? "none" : llvm::join(Written, ", "));
  Why += "\nnot written (old text): " + llvm::join(NotWritten, ", ");
  return llvm::make_error<WriteError>(std::move(Why));
}

/// Step 4 of applyFiles: renames every pending write over its target, then
/// removes the deleted files.
llvm::Error replaceAll(llvm::ArrayRef<const MaterializedFile *> Changed,
                       std::vector<PendingWrite> &Pending, const MaterializeOptions &Where) {
  std::vector<std::string> Written;
  for (size_t I = 0; I < Pending.size(); ++I) {
    llvm::Error Err = injectedFault("METRICS_MIGRATE_TEST_FAIL_RENAME", Pending[I].Target,
                                    std::errc::io_error);
    if (!Err)
      Err = Pending[I].Temp.keep(Pending[I].Target);
    if (Err) {
      std::string Why = Pending[I].File + ": error: cannot replace: " +
                        llvm::toString(std::move(Err));
      std::vector<PendingWrite> Rest(std::make_move_iterator(Pending.begin() + I),
                                     std::make_move_iterator(Pending.end()));
      discardAll(Rest);
      return midwayError(Changed, Written, std::move(Why));
    }
    Written.push_back(Pending[I].File);
  }
  for (const MaterializedFile *F : Changed)
    if (F->Deleted) {
      if (std::error_code EC = llvm::sys::fs::remove(absolutePath(Where, F->File)))
        return midwayError(Changed, Written,
                           F->File + ": error: cannot remove: " + EC.message());
      Written.push_back(F->File);
      removeEmptiedParents(F->File, Where);
    }
  return llvm::Error::success();
}

} // namespace

void printUnifiedDiff(llvm::raw_ostream &OS, llvm::ArrayRef<MaterializedFile> Files) {
  for (const MaterializedFile *F : changedInPathOrder(Files)) {
    std::string Old = gitQuoted("a/", F->File), New = gitQuoted("b/", F->File);
    OS << "diff --git " << Old << ' ' << New << '\n';
    if (F->Created)
      OS << "new file mode 100644\n";
    else if (F->Deleted)
      OS << "deleted file mode 100644\n";
    llvm::StringRef Before = F->Created ? "" : llvm::StringRef(F->Before);
    llvm::StringRef After = F->Deleted ? "" : llvm::StringRef(F->After);
    if (Before == After)
      continue; // An empty file created or deleted: the header says it all.
    printLabel(OS, "---", F->Created ? "/dev/null" : Old);
    printLabel(OS, "+++", F->Deleted ? "/dev/null" : New);
    printHunks(OS, Before, After, /*Context=*/3);
  }
}

void printDiffStat(llvm::raw_ostream &OS, llvm::ArrayRef<MaterializedFile> Files) {
  struct Row {
    std::string Name;
    LineCounts Counts;
  };
  std::vector<Row> Rows;
  unsigned MaxLen = 0, MaxChange = 0, Insertions = 0, Deletions = 0;
  for (const MaterializedFile *F : changedInPathOrder(Files)) {
    Row R{gitQuoted("", F->File),
          countChangedLines(F->Created ? "" : F->Before, F->Deleted ? "" : F->After)};
    MaxLen = std::max<unsigned>(MaxLen, R.Name.size());
    MaxChange = std::max(MaxChange, R.Counts.Insertions + R.Counts.Deletions);
    Insertions += R.Counts.Insertions;
    Deletions += R.Counts.Deletions;
    Rows.push_back(std::move(R));
  }
  if (Rows.empty())
    return;

  // Column widths as git's show_stats computes them for 80 columns.
  int NumberWidth = decimalWidth(MaxChange);
  int Width = std::max(80, 16 + 6 + NumberWidth);
  int GraphWidth = MaxChange, NameWidth = MaxLen;
  if (NameWidth + NumberWidth + 6 + GraphWidth > Width) {
    if (GraphWidth > Width * 3 / 8 - NumberWidth - 6)
      GraphWidth = std::max(6, Width * 3 / 8 - NumberWidth - 6);
    if (NameWidth > Width - NumberWidth - 6 - GraphWidth)
      NameWidth = Width - NumberWidth - 6 - GraphWidth;
    else
      GraphWidth = Width - NumberWidth - 6 - NameWidth;
  }

  for (const Row &R : Rows) {
    llvm::StringRef Name = R.Name, Prefix;
    int Len = NameWidth;
    if (NameWidth < int(Name.size())) {
      // Keep the tail, from a directory boundary when there is one.
      Prefix = "...";
      Len = std::max(0, Len - 3);
      Name = Name.take_back(Len);
      size_t Slash = Name.find('/');
      if (Slash != llvm::StringRef::npos)
        Name = Name.drop_front(Slash);
    }
    unsigned Add = R.Counts.Insertions, Del = R.Counts.Deletions;
    unsigned Total = Add + Del;
    if (GraphWidth <= int(MaxChange)) {
      unsigned Scaled = scaleLinear(Add + Del, GraphWidth, MaxChange);
      if (Scaled < 2 && Add && Del)
        Scaled = 2;
      if (Add < Del) {
        Add = scaleLinear(Add, GraphWidth, MaxChange);
        Del = Scaled - Add;
      } else {
        Del = scaleLinear(Del, GraphWidth, MaxChange);
        Add = Scaled - Del;
      }
    }
    OS << ' ' << Prefix << Name
       << std::string(std::max(0, Len - int(Name.size())), ' ') << " | "
       << llvm::format("%*u", NumberWidth, Total) << (Total ? " " : "")
       << std::string(Add, '+') << std::string(Del, '-') << '\n';
  }

  OS << ' ' << Rows.size() << (Rows.size() == 1 ? " file changed" : " files changed");
  if (Insertions || !Deletions)
    OS << ", " << Insertions << (Insertions == 1 ? " insertion(+)" : " insertions(+)");
  if (Deletions || !Insertions)
    OS << ", " << Deletions << (Deletions == 1 ? " deletion(-)" : " deletions(-)");
  OS << '\n';
}

char WriteError::ID;

llvm::Error applyFiles(llvm::ArrayRef<MaterializedFile> Files, const ApplyOptions &Opts) {
  MaterializeOptions Where;
  Where.Root = Opts.Root;
  std::vector<const MaterializedFile *> Changed = changedInPathOrder(Files);

  // Check everything before touching anything.
  if (llvm::Error E = checkUnchanged(Changed, Where))
    return E;

  // The originals, when asked, before any of them is replaced.
  if (!Opts.BackupDir.empty())
    if (llvm::Error E = backUp(Changed, Where, Opts.BackupDir))
      return E;

  // Every new text beside its target, then every rename, then deletions.
  // Until the first rename nothing is changed; after it, a failure lists
  // which files hold their new text.
  llvm::Expected<std::vector<PendingWrite>> Pending = writeAllBeside(Changed, Where);
  if (!Pending)
    return Pending.takeError();
  return replaceAll(Changed, *Pending, Where);
}

llvm::Error writeExportFixes(llvm::StringRef Path, const EditSet &Edits,
                             const MaterializeOptions &Opts) {
  clang::tooling::TranslationUnitReplacements Doc;
  llvm::Error Errors = llvm::Error::success();
  for (const auto &[File, Stored] : Edits.Files) { // std::map: path order.
    FileChange Change = Stored;
    Change.File = File;
    llvm::Expected<std::string> Before = readBefore(Change, Opts);
    if (!Before) {
      Errors = llvm::joinErrors(std::move(Errors), Before.takeError());
      continue;
    }
    llvm::Expected<clang::tooling::Replacements> Repls =
        computeReplacements(Change, *Before, Opts);
    if (!Repls) {
      Errors = llvm::joinErrors(std::move(Errors), Repls.takeError());
      continue;
    }
    std::string Absolute = absolutePath(Opts, File);
    for (const clang::tooling::Replacement &R : *Repls) // Offset order.
      Doc.Replacements.emplace_back(Absolute, R.getOffset(), R.getLength(),
                                    R.getReplacementText());
  }
  if (Errors)
    return Errors;
  llvm::Error Written = llvm::writeToOutput(Path, [&](llvm::raw_ostream &OS) {
    llvm::yaml::Output Out(OS);
    Out << Doc;
    return llvm::Error::success();
  });
  if (Written)
    return fileError(Path, "cannot write: " + llvm::toString(std::move(Written)));
  return llvm::Error::success();
}

} // namespace mm
