//===--- Reparse.cpp - One TU, parsed for errors only ---------------------===//

#include "verify/Reparse.h"

#include "matchers/ASTUtil.h"

#include "clang/AST/ASTConsumer.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/Basic/Diagnostic.h"
#include "clang/Basic/DiagnosticLex.h"
#include "clang/Frontend/ChainedDiagnosticConsumer.h"
#include "clang/Frontend/CompilerInstance.h"
#include "clang/Frontend/FrontendAction.h"
#include "clang/Lex/Lexer.h"
#include "llvm/Support/Path.h"

namespace mm {

using namespace clang;

namespace {

/// Keeps errors and project-file warnings as plain Diagnostics.
class Collector : public DiagnosticConsumer {
public:
  Collector(std::string Root, ReparseOutput &Out) : Root(std::move(Root)), Out(Out) {}

  void HandleDiagnostic(DiagnosticsEngine::Level Level, const clang::Diagnostic &Info) override {
    DiagnosticConsumer::HandleDiagnostic(Level, Info);
    if (Level != DiagnosticsEngine::Warning && Level < DiagnosticsEngine::Error)
      return;
    mm::Diagnostic D;
    D.Error = Level >= DiagnosticsEngine::Error;
    llvm::SmallString<256> Message;
    Info.FormatDiagnostic(Message);
    D.Message = std::string(Message);
    if (Info.getID() == diag::err_pp_file_not_found && Info.getNumArgs() > 0 &&
        Info.getArgKind(0) == DiagnosticsEngine::ak_std_string)
      D.Missing = Info.getArgStdStr(0);
    if (Info.hasSourceManager() && Info.getLocation().isValid()) {
      const SourceManager &SM = Info.getSourceManager();
      if (!Where || &Where->sourceManager() != &SM)
        Where.emplace(SM, LangOpts, Root);
      SourceLocation Loc = SM.getFileLoc(Info.getLocation());
      D.File = Where->file(Loc);
      D.Line = SM.getSpellingLineNumber(Loc);
      D.Column = SM.getSpellingColumnNumber(Loc);
    }
    bool InProject = !D.File.empty() && !llvm::sys::path::is_absolute(D.File);
    if (!D.Error && !InProject)
      return;
    if (Out.Diagnostics.size() < 200)
      Out.Diagnostics.push_back(std::move(D));
  }

private:
  std::string Root;
  ReparseOutput &Out;
  LangOptions LangOpts;
  std::optional<Locator> Where;
};

/// Records the declarations named on the lines of interest.
class ReferenceVisitor : public RecursiveASTVisitor<ReferenceVisitor> {
public:
  ReferenceVisitor(const Locator &Loc, const LinesOfInterest &Lines, ReparseOutput &Out)
      : Loc(Loc), Lines(Lines), Out(Out) {}

  bool VisitDeclRefExpr(DeclRefExpr *E) {
    note(E->getLocation(), E->getDecl());
    return true;
  }
  bool VisitMemberExpr(MemberExpr *E) {
    note(E->getMemberLoc(), E->getMemberDecl());
    return true;
  }
  bool VisitCXXConstructExpr(CXXConstructExpr *E) {
    note(E->getLocation(), E->getConstructor());
    return true;
  }
  bool VisitTypeLoc(TypeLoc TL) {
    if (const TagType *T = TL.getType()->getAs<TagType>())
      note(TL.getBeginLoc(), T->getDecl());
    else if (const TypedefType *T = TL.getType()->getAs<TypedefType>())
      note(TL.getBeginLoc(), T->getDecl());
    return true;
  }
  /// An out-of-line definition names the declaration it defines.
  bool VisitFunctionDecl(FunctionDecl *F) {
    if (F->isOutOfLine())
      if (const FunctionDecl *First = F->getCanonicalDecl(); First != F)
        note(F->getLocation(), First);
    return true;
  }
  bool VisitCXXCtorInitializer(CXXCtorInitializer *I) {
    if (I->isMemberInitializer())
      note(I->getMemberLocation(), I->getMember());
    return true;
  }
  bool shouldVisitTemplateInstantiations() const { return false; }
  bool shouldVisitImplicitCode() const { return false; }

private:
  void note(SourceLocation Where, const NamedDecl *D) {
    if (!D || Where.isInvalid())
      return;
    const SourceManager &SM = Loc.sourceManager();
    SourceLocation At = SM.getFileLoc(Where);
    std::string File = Loc.file(At);
    auto It = Lines.find(File);
    if (It == Lines.end())
      return;
    unsigned Line = SM.getSpellingLineNumber(At);
    if (!It->second.count(Line))
      return;
    SourceSpan Decl = Loc.span(D);
    if (!Decl.valid() || llvm::sys::path::is_absolute(Decl.File))
      return;
    Reference R{File, Line, D->getNameAsString(), Decl, SM.getSpellingColumnNumber(At),
                Lexer::MeasureTokenLength(At, SM, LangOptions())};
    auto Same = [&](const Reference &O) {
      return O.File == R.File && O.Line == R.Line && O.Column == R.Column && O.Decl == R.Decl;
    };
    if (llvm::none_of(Out.References, Same))
      Out.References.push_back(std::move(R));
  }

  const Locator &Loc;
  const LinesOfInterest &Lines;
  ReparseOutput &Out;
};

class ReparseConsumer : public ASTConsumer {
public:
  ReparseConsumer(std::string Root, const LinesOfInterest *Lines, ReparseOutput &Out)
      : Root(std::move(Root)), Lines(Lines), Out(Out) {}

  void HandleTranslationUnit(ASTContext &Ctx) override {
    Locator Loc(Ctx, Root);
    const SourceManager &SM = Ctx.getSourceManager();
    // Every file entered: the main file and what it includes.
    for (unsigned I = 1, N = SM.local_sloc_entry_size(); I < N; ++I) {
      const SrcMgr::SLocEntry &E = SM.getLocalSLocEntry(I);
      if (!E.isFile())
        continue;
      std::string File = Loc.file(SourceLocation::getFromRawEncoding(E.getOffset()));
      if (!File.empty() && !llvm::sys::path::is_absolute(File))
        Out.Read.push_back(File);
    }
    llvm::sort(Out.Read);
    Out.Read.erase(std::unique(Out.Read.begin(), Out.Read.end()), Out.Read.end());
    if (Lines && !Lines->empty()) {
      ReferenceVisitor V(Loc, *Lines, Out);
      for (Decl *D : Ctx.getTranslationUnitDecl()->decls())
        if (Loc.inProject(D->getLocation()))
          V.TraverseDecl(D);
    }
  }

  bool shouldSkipFunctionBody(Decl *D) override {
    return D->getASTContext().getSourceManager().isInSystemHeader(D->getLocation());
  }

private:
  std::string Root;
  const LinesOfInterest *Lines;
  ReparseOutput &Out;
};

class ReparseAction : public ASTFrontendAction {
public:
  ReparseAction(std::string Root, const LinesOfInterest *Lines, ReparseOutput &Out)
      : Root(std::move(Root)), Lines(Lines), Out(Out) {}

protected:
  bool BeginInvocation(CompilerInstance &CI) override {
    CI.getFrontendOpts().SkipFunctionBodies = true;
    // No "N warnings generated" per TU: the diagnostics are data here.
    CI.getDiagnosticOpts().ShowCarets = false;
    return true;
  }
  bool BeginSourceFileAction(CompilerInstance &CI) override {
    // Ours alongside the executor's: it keeps the errors as text.
    DiagnosticsEngine &DE = CI.getDiagnostics();
    auto Mine = std::make_unique<Collector>(Root, Out);
    if (DE.ownsClient())
      DE.setClient(new ChainedDiagnosticConsumer(DE.takeClient(), std::move(Mine)), true);
    else
      DE.setClient(new ChainedDiagnosticConsumer(DE.getClient(), std::move(Mine)), true);
    return true;
  }
  std::unique_ptr<ASTConsumer> CreateASTConsumer(CompilerInstance &, llvm::StringRef) override {
    return std::make_unique<ReparseConsumer>(Root, Lines, Out);
  }

private:
  std::string Root;
  const LinesOfInterest *Lines;
  ReparseOutput &Out;
};

class Factory : public tooling::FrontendActionFactory {
public:
  Factory(std::string Root, const LinesOfInterest *Lines, ReparseOutput &Out)
      : Root(std::move(Root)), Lines(Lines), Out(Out) {}
  std::unique_ptr<FrontendAction> create() override {
    return std::make_unique<ReparseAction>(Root, Lines, Out);
  }

private:
  std::string Root;
  const LinesOfInterest *Lines;
  ReparseOutput &Out;
};

} // namespace

std::unique_ptr<tooling::FrontendActionFactory>
newReparseFactory(std::string Root, const LinesOfInterest *Lines, ReparseOutput &Out) {
  return std::make_unique<Factory>(std::move(Root), Lines, Out);
}

} // namespace mm
