//===--- Prefilter.cpp - Which TUs can matter, from text alone ------------===//

#include "tool/Prefilter.h"

#include "core/TextEdits.h"
#include "tool/Paths.h"

#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"

#include <set>

namespace mm {

namespace {

/// Absolute and without dots, against \p Dir when relative.
std::string absolute(llvm::StringRef Dir, llvm::StringRef Path) {
  llvm::SmallString<256> Out;
  if (llvm::sys::path::is_absolute(Path))
    Out = Path;
  else {
    Out = Dir;
    llvm::sys::path::append(Out, Path);
  }
  llvm::sys::path::remove_dots(Out, /*remove_dot_dot=*/true);
  return std::string(Out);
}

struct SearchPath {
  std::vector<std::string> Quoted; ///< -iquote: for "..." only.
  std::vector<std::string> Angled; ///< -I, -isystem, -idirafter: for both.
};

SearchPath searchPathOf(const clang::tooling::CompileCommand &C) {
  SearchPath S;
  const std::vector<std::string> &Args = C.CommandLine;
  for (size_t I = 0; I < Args.size(); ++I) {
    llvm::StringRef A = Args[I];
    for (llvm::StringRef Flag : {"-iquote", "-isystem", "-idirafter", "-I"}) {
      if (!A.starts_with(Flag))
        continue;
      std::string Dir = A.size() > Flag.size() ? A.drop_front(Flag.size()).str()
                        : I + 1 < Args.size() ? Args[++I]
                                              : "";
      if (!Dir.empty())
        (Flag == "-iquote" ? S.Quoted : S.Angled).push_back(absolute(C.Directory, Dir));
      break;
    }
  }
  return S;
}


} // namespace

std::vector<std::string> includeSearchDirs(const clang::tooling::CompileCommand &Command) {
  SearchPath S = searchPathOf(Command);
  std::vector<std::string> Dirs = std::move(S.Quoted);
  llvm::append_range(Dirs, S.Angled);
  return Dirs;
}

Prefilter::Prefilter(std::string Root, std::vector<std::string> Words)
    : Root(std::move(Root)), Words(std::move(Words)) {}

const Prefilter::FileText &Prefilter::text(const std::string &Path) {
  {
    std::lock_guard<std::mutex> Guard(Lock);
    auto It = Cache.find(Path);
    if (It != Cache.end())
      return It->second;
  }
  FileText T;
  if (auto Buffer = llvm::MemoryBuffer::getFile(Path)) {
    llvm::StringRef Text = (*Buffer)->getBuffer();
    T.Names = llvm::any_of(Words, [&](const std::string &W) { return containsWord(Text, W); });
    for (llvm::StringRef Rest = Text; !Rest.empty();) {
      auto [Line, Next] = Rest.split('\n');
      Rest = Next;
      Line = Line.ltrim();
      if (!Line.consume_front("#"))
        continue;
      Line = Line.ltrim();
      if (!Line.consume_front("include") && !Line.consume_front("import"))
        continue;
      Line.consume_front("_next");
      Line = Line.ltrim();
      // `#include CONFIG_HEADER`: what it names is known after
      // preprocessing only, so the file may matter.
      if (!Line.empty() && (llvm::isAlpha(Line.front()) || Line.front() == '_'))
        T.Names = true;
      char Close = Line.starts_with("<") ? '>' : Line.starts_with("\"") ? '"' : 0;
      size_t End = Close ? Line.find(Close, 1) : llvm::StringRef::npos;
      if (End != llvm::StringRef::npos)
        T.Includes.push_back({Line.slice(1, End).str(), Close == '>'});
    }
  }
  std::lock_guard<std::mutex> Guard(Lock);
  return Cache.try_emplace(Path, std::move(T)).first->second;
}

bool Prefilter::mayMatter(const clang::tooling::CompileCommand &Command,
                          std::vector<std::string> &Reached) {
  SearchPath Search = searchPathOf(Command);
  std::vector<std::string> Work = {absolute(Command.Directory, Command.Filename)};
  std::set<std::string> Seen(Work.begin(), Work.end());
  while (!Work.empty()) {
    std::string File = std::move(Work.back());
    Work.pop_back();
    const FileText &T = text(File);
    if (T.Names)
      return true;
    std::string Dir = llvm::sys::path::parent_path(File).str();
    for (const Include &Inc : T.Includes) {
      // The first existing candidate in the compiler's search order.
      std::vector<std::string> Dirs;
      if (!Inc.Angled) {
        Dirs.push_back(Dir);
        llvm::append_range(Dirs, Search.Quoted);
      }
      llvm::append_range(Dirs, Search.Angled);
      for (const std::string &D : Dirs) {
        std::string Candidate = absolute(D, Inc.Spelling);
        if (!llvm::sys::fs::exists(Candidate))
          continue;
        llvm::SmallString<256> Real;
        bool InProject = isUnder(Candidate, Root) ||
                         (!llvm::sys::fs::real_path(Candidate, Real) && isUnder(Real, Root));
        if (InProject && Seen.insert(Candidate).second)
          Work.push_back(Candidate);
        break;
      }
    }
  }
  Reached.assign(Seen.begin(), Seen.end());
  return false;
}

} // namespace mm
