//===--- FactsAction.cpp - One TU in, TUFacts out -------------------------===//

#include "matchers/FactsAction.h"

#include "matchers/ASTUtil.h"
#include "matchers/CaptureRecorder.h"
#include "matchers/FindingRecorder.h"
#include "matchers/FunctionTypeRecorder.h"
#include "matchers/ForwardDeclRecorder.h"
#include "matchers/InterfaceMentionRecorder.h"
#include "matchers/InactiveRecorder.h"
#include "matchers/InjectionUseRecorder.h"
#include "matchers/ServiceRecorder.h"
#include "matchers/TestRecorder.h"
#include "matchers/UseRecorder.h"
#include "matchers/ValueAssertionRecorder.h"

#include "clang/AST/ASTConsumer.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"
#include "clang/ASTMatchers/ASTMatchers.h"
#include "clang/Frontend/CompilerInstance.h"
#include "clang/Lex/Preprocessor.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/xxhash.h"

namespace mm {

using namespace clang;
using namespace clang::ast_matchers;

namespace {

constexpr llvm::StringLiteral ClassId = "class";

const CXXRecordDecl *findClass(ASTContext &Ctx, llvm::StringRef Name) {
  auto Matches =
      match(cxxRecordDecl(hasName(Name), isDefinition()).bind(ClassId), Ctx);
  for (const BoundNodes &N : Matches)
    if (const auto *RD = N.getNodeAs<CXXRecordDecl>(ClassId))
      return RD;
  return nullptr;
}

/// The class named \p Name as this TU knows it: its definition, or, in a
/// TU that only declares it (`class Metrics;`), that declaration. A
/// parameter or field typed with it is an injection point all the same.
const CXXRecordDecl *findDeclaredClass(ASTContext &Ctx, llvm::StringRef Name) {
  if (const CXXRecordDecl *Def = findClass(Ctx, Name))
    return Def;
  auto Matches = match(cxxRecordDecl(hasName(Name)).bind(ClassId), Ctx);
  for (const BoundNodes &N : Matches)
    if (const auto *RD = N.getNodeAs<CXXRecordDecl>(ClassId))
      return RD;
  return nullptr;
}

/// `<a/b.h>` or `"a/b.h"`: how the `#include` at \p IncludeLoc (its file
/// name token) spells \p File, unless it names it relative to the including
/// file's own directory or is not written plainly (a macro).
std::optional<std::string> includeSpellingAt(const Locator &Loc, SourceLocation IncludeLoc,
                                             llvm::StringRef File) {
  const SourceManager &SM = Loc.sourceManager();
  if (IncludeLoc.isInvalid() || IncludeLoc.isMacroID())
    return std::nullopt;
  auto [FID, Offset] = SM.getDecomposedLoc(IncludeLoc);
  std::optional<llvm::StringRef> Buffer = SM.getBufferDataOrNone(FID);
  if (!Buffer || Offset >= Buffer->size())
    return std::nullopt;
  llvm::StringRef Rest = Buffer->drop_front(Offset);
  char Close = Rest.front() == '<' ? '>' : Rest.front() == '"' ? '"' : 0;
  size_t End = Close ? Rest.find(Close, 1) : llvm::StringRef::npos;
  if (End == llvm::StringRef::npos || Rest.take_front(End).contains('\n'))
    return std::nullopt;
  llvm::StringRef Name = Rest.slice(1, End);
  if (Close == '"' && Loc.inProject(IncludeLoc)) {
    llvm::SmallString<128> Sibling(llvm::sys::path::parent_path(Loc.file(IncludeLoc)));
    llvm::sys::path::append(Sibling, Name);
    llvm::sys::path::remove_dots(Sibling, /*remove_dot_dot=*/true);
    if (Sibling == File && !llvm::sys::path::parent_path(Loc.file(IncludeLoc)).empty())
      return std::nullopt;
  }
  return Rest.take_front(End + 1).str();
}

/// Whether the `#include` at \p IncludeLoc spells a path with a folder in
/// it (`"../common/ctx.h"`, `"sub/x.h"`) that resolves from the including
/// file's own folder: a project whose includes are written that way.
bool relativeWithFolder(const Locator &Loc, SourceLocation IncludeLoc) {
  const SourceManager &SM = Loc.sourceManager();
  if (IncludeLoc.isInvalid() || IncludeLoc.isMacroID() || !Loc.inProject(IncludeLoc))
    return false;
  auto [FID, Offset] = SM.getDecomposedLoc(IncludeLoc);
  std::optional<llvm::StringRef> Buffer = SM.getBufferDataOrNone(FID);
  if (!Buffer || Offset >= Buffer->size() || (*Buffer)[Offset] != '"')
    return false;
  llvm::StringRef Name = Buffer->drop_front(Offset + 1);
  Name = Name.take_until([](char C) { return C == '"' || C == '\n'; });
  return Name.contains('/');
}

/// Every project file the TU read: Scan.Files (sorted) and ReadHashes;
/// how the includes spell each (Scan.IncludeSpellings); and whether it
/// includes a test framework (TestTU).
void recordProjectFiles(const Locator &Loc, TUFacts &Out) {
  const SourceManager &SM = Loc.sourceManager();
  for (auto It = SM.fileinfo_begin(), End = SM.fileinfo_end(); It != End; ++It) {
    Out.TestTU = Out.TestTU || isTestFrameworkHeader(It->first.getName());
    FileID FID = SM.translateFile(It->first);
    if (FID.isInvalid())
      continue;
    SourceLocation Start = SM.getLocForStartOfFile(FID);
    if (!Loc.inProject(Start))
      continue;
    std::string File = Loc.file(Start);
    if (std::optional<llvm::StringRef> Bytes = SM.getBufferDataOrNone(FID))
      Out.ReadHashes[File] = contentHash(*Bytes);
    if (std::optional<std::string> Spelling = includeSpellingAt(Loc, SM.getIncludeLoc(FID), File)) {
      auto [Known, New] = Out.Scan.IncludeSpellings.emplace(File, *Spelling);
      if (!New && *Spelling < Known->second)
        Known->second = *Spelling;
      // `"a/b.h"` for a/b.h: the root; for include/a/b.h: include/.
      llvm::StringRef Name = llvm::StringRef(*Spelling).drop_front().drop_back();
      if (llvm::StringRef(File).ends_with(Name) && Name.size() <= File.size())
        ++Out.Scan.IncludeRoots[File.substr(0, File.size() - Name.size())];
    } else if (relativeWithFolder(Loc, SM.getIncludeLoc(FID))) {
      ++Out.Scan.IncludeRoots["."];
    }
    Out.Scan.Files.push_back(File);
  }
  std::vector<std::string> &Files = Out.Scan.Files;
  llvm::sort(Files);
  Files.erase(std::unique(Files.begin(), Files.end()), Files.end());
}

class FactsConsumer : public ASTConsumer {
public:
  FactsConsumer(const Config &Cfg, TUFacts &Out,
                std::shared_ptr<std::vector<SourceRange>> Skipped,
                std::shared_ptr<std::vector<CompiledBranch>> Branches)
      : Cfg(Cfg), Out(Out), Skipped(std::move(Skipped)), Branches(std::move(Branches)) {}

  void HandleTranslationUnit(ASTContext &Ctx) override {
    if (Ctx.getDiagnostics().hasErrorOccurred()) {
      Out.Parsed = false;
      return;
    }
    collectFacts(Ctx, Cfg, Out, *Skipped, *Branches);
  }

  /// Bodies in system headers (the standard library, prometheus-cpp) hold no
  /// fact; Sema still parses those it must (constexpr, deduced return types).
  bool shouldSkipFunctionBody(Decl *D) override {
    return D->getASTContext().getSourceManager().isInSystemHeader(D->getLocation());
  }

private:
  const Config &Cfg;
  TUFacts &Out;
  std::shared_ptr<std::vector<SourceRange>> Skipped;
  std::shared_ptr<std::vector<CompiledBranch>> Branches;
};

class Factory : public tooling::FrontendActionFactory {
public:
  Factory(const Config &Cfg, TUFacts &Out) : Cfg(Cfg), Out(Out) {}
  std::unique_ptr<FrontendAction> create() override {
    return std::make_unique<FactsAction>(Cfg, Out);
  }

private:
  const Config &Cfg;
  TUFacts &Out;
};

/// Limits every traversal (the matchers and the parent map getParents
/// builds) to the top-level declarations written in project files: the
/// standard library and prometheus-cpp headers hold most of a TU's AST and
/// none of its facts.
void scopeToProject(ASTContext &Ctx, const Locator &Loc) {
  std::vector<Decl *> Scope;
  for (Decl *D : Ctx.getTranslationUnitDecl()->decls())
    if (Loc.inProject(D->getLocation()))
      Scope.push_back(D);
  Ctx.setTraversalScope(Scope);
}

} // namespace

void collectFacts(ASTContext &Ctx, const Config &Cfg, TUFacts &Out,
                  llvm::ArrayRef<SourceRange> Skipped, llvm::ArrayRef<CompiledBranch> Branches) {
  Locator Loc(Ctx, Cfg.Root);
  scopeToProject(Ctx, Loc);
  InterfaceSet Set;
  auto Add = [&](const CXXRecordDecl *RD) {
    if (RD && Set.Classes.insert(RD->getCanonicalDecl()).second)
      Set.Names.push_back(qualifiedName(RD));
  };
  if (const CXXRecordDecl *Service = findClass(Ctx, Cfg.ServiceClass)) {
    recordService(Service, Loc, Out);
    recordGivenRegistries(Service, Ctx, Loc, Out);
    Set.Service = Service;
    Add(Service);
    Service->forallBases([&](const CXXRecordDecl *Base) {
      if (Base->isPolymorphic())
        Add(Base);
      return true;
    });
  } else {
    Add(findDeclaredClass(Ctx, Cfg.ServiceClass));
  }
  for (const std::string &Name : Cfg.Interfaces)
    Add(findDeclaredClass(Ctx, Name));
  Set.ExtraDoubles = Cfg.TestDoubles;
  // One traversal of the TU for every recorder that reads it by matchers.
  std::vector<std::unique_ptr<Recorder>> Recorders;
  Recorders.push_back(serviceUseRecorder(Set, Loc, Out));
  for (std::unique_ptr<Recorder> &R : injectionUseRecorders(Set, Loc))
    Recorders.push_back(std::move(R));
  Recorders.push_back(functionTypeRecorder(Ctx, Set, Loc));
  Recorders.push_back(testUseRecorder(Set, Loc, Out));
  Recorders.push_back(valueAssertionRecorder(Set, Loc, Out.Scan));
  Recorders.push_back(thisCaptureRecorder(Loc));
  Recorders.push_back(findingRecorder(Set, Loc));
  Recorders.push_back(interfaceMentionRecorder(Set, Loc));
  std::vector<Recorder *> All;
  for (const std::unique_ptr<Recorder> &R : Recorders)
    All.push_back(R.get());
  runRecorders(Ctx, All, Out);
  recordInactiveCalls(Ctx, Set, Loc, Skipped, Out);
  recordForwardDeclarations(Ctx, Set, Loc, Out);
  recordConditionalRegions(Loc, Branches, Out);
  recordProjectFiles(Loc, Out);
}

bool FactsAction::BeginInvocation(CompilerInstance &CI) {
  // Lets the parser ask the consumer which bodies it may skip.
  CI.getFrontendOpts().SkipFunctionBodies = true;
  return true;
}

std::unique_ptr<ASTConsumer> FactsAction::CreateASTConsumer(CompilerInstance &CI,
                                                            llvm::StringRef) {
  auto Skipped = std::make_shared<std::vector<SourceRange>>();
  auto Branches = std::make_shared<std::vector<CompiledBranch>>();
  CI.getPreprocessor().addPPCallbacks(std::make_unique<SkippedRanges>(Skipped));
  CI.getPreprocessor().addPPCallbacks(std::make_unique<ConditionalBranches>(
      CI.getSourceManager(), CI.getLangOpts(), Branches));
  return std::make_unique<FactsConsumer>(Cfg, Out, std::move(Skipped), std::move(Branches));
}

std::unique_ptr<tooling::FrontendActionFactory>
newFactsActionFactory(const Config &Cfg, TUFacts &Out) {
  return std::make_unique<Factory>(Cfg, Out);
}

} // namespace mm
