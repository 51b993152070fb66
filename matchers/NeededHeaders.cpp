//===--- NeededHeaders.cpp - The headers a piece of moved code needs -------===//

#include "matchers/NeededHeaders.h"

#include "core/TextEdits.h"

#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/AST/TypeLoc.h"
#include "clang/Tooling/Inclusions/StandardLibrary.h"

namespace mm {

using namespace clang;

namespace {

/// The declarations a piece of code names: what its names refer to (as
/// found, so `std::strcmp` is the using-declaration in `<cstring>`, not the
/// C function behind it) and the types and templates it spells.
class NameVisitor : public RecursiveASTVisitor<NameVisitor> {
public:
  bool VisitDeclRefExpr(DeclRefExpr *E) {
    // A member (an operator called on an object included) comes with the
    // object's type, which the code has already.
    const NamedDecl *D = E->getFoundDecl();
    if (const auto *Method = dyn_cast<CXXMethodDecl>(D->getUnderlyingDecl());
        (Method && !Method->isStatic()) || isa<FieldDecl>(D))
      return true;
    Named.push_back(D);
    return true;
  }
  bool VisitTypeLoc(TypeLoc TL) {
    if (auto Typedef = TL.getAs<TypedefTypeLoc>())
      Named.push_back(Typedef.getTypedefNameDecl());
    else if (auto Tag = TL.getAs<TagTypeLoc>())
      Named.push_back(Tag.getDecl());
    else if (auto Spec = TL.getAs<TemplateSpecializationTypeLoc>())
      addTemplate(Spec.getTypePtr()->getTemplateName());
    else if (auto Deduced = TL.getAs<DeducedTemplateSpecializationTypeLoc>())
      addTemplate(Deduced.getTypePtr()->getTemplateName());
    else if (auto Using = TL.getAs<UsingTypeLoc>())
      Named.push_back(Using.getFoundDecl());
    return true;
  }

  std::vector<const NamedDecl *> Named;

private:
  void addTemplate(TemplateName Name) {
    if (const TemplateDecl *T = Name.getAsTemplateDecl())
      Named.push_back(T);
  }
};

/// The header named by the `#include` whose file name is at \p At, as
/// written: `<cstring>`, `"vendor/x.h"`; "" when that is not a plain
/// include line.
std::string spelledInclude(const SourceManager &SM, SourceLocation At) {
  auto [FID, Offset] = SM.getDecomposedLoc(At);
  bool Invalid = false;
  llvm::StringRef Buffer = SM.getBufferData(FID, &Invalid);
  if (Invalid || Offset >= Buffer.size())
    return "";
  size_t LineStart = Buffer.rfind('\n', Offset);
  LineStart = LineStart == llvm::StringRef::npos ? 0 : LineStart + 1;
  llvm::StringRef Line = Buffer.substr(LineStart).split('\n').first;
  size_t Directive = Line.find("include");
  if (Directive == llvm::StringRef::npos)
    return "";
  size_t Open = Line.find_first_of("<\"", Directive);
  if (Open == llvm::StringRef::npos)
    return "";
  char Close = Line[Open] == '<' ? '>' : '"';
  size_t End = Line.find(Close, Open + 1);
  return End == llvm::StringRef::npos ? "" : Line.slice(Open, End + 1).str();
}

} // namespace

NeededHeaders::NeededHeaders(const Locator &Loc, llvm::ArrayRef<SourceLocation> Places)
    : Loc(Loc) {
  const SourceManager &SM = Loc.sourceManager();
  for (SourceLocation Place : Places) {
    if (Place.isInvalid())
      continue;
    SourceLocation Where = SM.getExpansionLoc(Place);
    From.insert(Loc.file(Where));
    bool Invalid = false;
    llvm::StringRef Text = SM.getBufferData(SM.getFileID(Where), &Invalid);
    if (Invalid)
      continue;
    for (size_t At = Text.find("include"); At != llvm::StringRef::npos;
         At = Text.find("include", At + 1))
      if (std::string Spelled = spelledInclude(SM, SM.getComposedLoc(SM.getFileID(Where), At));
          !Spelled.empty())
        FromIncludes.insert(std::move(Spelled));
  }
}

void NeededHeaders::add(const Stmt *S) {
  if (!S)
    return;
  NameVisitor V;
  V.TraverseStmt(const_cast<Stmt *>(S));
  take(V.Named);
}

void NeededHeaders::add(const Decl *D) {
  if (!D)
    return;
  NameVisitor V;
  V.TraverseDecl(const_cast<Decl *>(D));
  take(V.Named);
}

void NeededHeaders::take(llvm::ArrayRef<const NamedDecl *> Named) {
  for (const NamedDecl *D : Named)
    if (std::string Header = headerOf(D); !Header.empty())
      Found[Header].insert(D->getNameAsString());
}

std::vector<NeededHeader> NeededHeaders::headers() const {
  return headersNamedIn({});
}

std::vector<NeededHeader>
NeededHeaders::headersNamedIn(llvm::ArrayRef<llvm::StringRef> Texts) const {
  std::vector<NeededHeader> Headers;
  for (const auto &[Header, Names] : Found) {
    NeededHeader H{Header, {}};
    for (const std::string &Name : Names)
      if (Texts.empty() ||
          llvm::any_of(Texts, [&](llvm::StringRef T) { return containsWord(T, Name); }))
        H.Names.push_back(Name);
    if (!H.Names.empty())
      Headers.push_back(std::move(H));
  }
  return Headers;
}

std::string NeededHeaders::headerOf(const NamedDecl *D) const {
  if (!D)
    return "";
  // A member or enumerator comes with the class or enum at namespace scope
  // around it; a parameter or a local comes with the code itself.
  const Decl *Top = D;
  while (!Top->getDeclContext()->isFileContext()) {
    const auto *Parent = dyn_cast<TagDecl>(Decl::castFromDeclContext(Top->getDeclContext()));
    if (!Parent)
      return "";
    Top = Parent;
  }
  if (const auto *Named = dyn_cast<NamedDecl>(Top);
      Named && llvm::StringRef(qualifiedName(Named)).starts_with("prometheus::"))
    return "";
  // The standard library's names by the header the standard gives them
  // (`std::string` in <string>, wherever libstdc++ declares it); a name it
  // gives several (`std::move`: <utility>, <algorithm>) by the one the
  // project took it from, below.
  // The symbol map leaves out names the standard declares in several
  // headers with different meanings; the two every piece of code uses are
  // the one-argument overloads of <utility> (as include-cleaner has them).
  if (const auto *Named = dyn_cast<NamedDecl>(Top);
      Named && (qualifiedName(Named) == "std::move" || qualifiedName(Named) == "std::forward"))
    return "<utility>";
  if (std::optional<tooling::stdlib::Symbol> Std = StdNames(Top)) {
    llvm::SmallVector<tooling::stdlib::Header> Headers = Std->headers();
    if (Headers.size() == 1)
      return Headers.front().name().str();
    for (const tooling::stdlib::Header &Header : Headers)
      if (FromIncludes.count(Header.name().str()))
        return Header.name().str();
  }
  const SourceManager &SM = Loc.sourceManager();
  SourceLocation Where = SM.getExpansionLoc(Top->getLocation());
  if (Where.isInvalid())
    return ""; // a builtin
  if (Loc.inProject(Where)) {
    std::string File = Loc.file(Where);
    return From.count(File) ? "" : File;
  }
  // Climb to the include through which a project file entered it.
  for (FileID FID = SM.getFileID(Where);;) {
    SourceLocation IncludedAt = SM.getIncludeLoc(FID);
    if (IncludedAt.isInvalid())
      return ""; // the predefines, or a file nothing of the project included
    if (Loc.inProject(IncludedAt))
      return spelledInclude(SM, SM.getExpansionLoc(IncludedAt));
    FID = SM.getFileID(IncludedAt);
  }
}

void mergeHeaders(std::vector<NeededHeader> &Into, const std::vector<NeededHeader> &Headers) {
  std::map<std::string, std::set<std::string>> ByHeader;
  for (const std::vector<NeededHeader> *List :
       {const_cast<const std::vector<NeededHeader> *>(&Into), &Headers})
    for (const NeededHeader &H : *List)
      ByHeader[H.Header].insert(H.Names.begin(), H.Names.end());
  Into.clear();
  for (const auto &[Header, Names] : ByHeader)
    Into.push_back({Header, {Names.begin(), Names.end()}});
}

} // namespace mm
