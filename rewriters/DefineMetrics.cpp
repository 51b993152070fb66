//===--- DefineMetrics.cpp - Constants move to their owners ---------------===//
//
// Each moved or shared metric is defined in its owner's .cpp (an `inline`
// definition in the header when the owner has no .cpp) and declared `extern`
// in the owner's header, in the namespace of the code recording it, with the
// includes that needs. The registry header is written when the project has
// none, and the service's own registry member is pointed at it by a
// std::shared_ptr with a live owner (an exposer's std::weak_ptr to it must
// lock), so what the service still exposes and what the constants record land
// on one registry (the constructor parameter it was initialized from, if
// nothing else uses it, loses its name); so is any registry the service is
// built on.
//
//===----------------------------------------------------------------------===//

#include "core/TextEdits.h"
#include "rewriters/RewriteContext.h"

#include "clang/Basic/CharInfo.h"
#include "llvm/ADT/StringExtras.h"

namespace mm {

namespace {

/// `a::b::DefaultRegistry()` -> {`a::b`, `DefaultRegistry`}.
std::optional<std::pair<std::string, std::string>> splitRegistryExpr(llvm::StringRef Expr) {
  Expr = Expr.trim();
  if (!Expr.consume_back(")"))
    return std::nullopt;
  Expr = Expr.rtrim();
  if (!Expr.consume_back("("))
    return std::nullopt;
  // Names as a house style may space them: `ns :: Get ()`.
  llvm::SmallVector<llvm::StringRef, 4> Parts;
  Expr.trim().split(Parts, "::");
  if (!Parts.empty() && Parts.front().trim().empty())
    Parts.erase(Parts.begin()); // `::ns::Get()`
  if (Parts.empty())
    return std::nullopt;
  std::vector<std::string> Names;
  for (llvm::StringRef Part : Parts) {
    Part = Part.trim();
    if (!clang::isValidAsciiIdentifier(Part))
      return std::nullopt;
    Names.push_back(Part.str());
  }
  std::string Function = Names.back();
  Names.pop_back();
  return std::make_pair(llvm::join(Names, "::"), Function);
}

/// The name of the shared accessor a written header adds beside `Function`,
/// in its case: `DefaultRegistryPtr`, `default_registry_ptr`.
std::string sharedFunctionName(llvm::StringRef Function) {
  bool Snake = Function.contains('_') || Function.lower() == Function;
  return Function.str() + (Snake ? "_ptr" : "Ptr");
}

std::string registryHeader(llvm::StringRef Namespace, llvm::StringRef Function,
                           llvm::StringRef Shared) {
  std::string Open = Namespace.empty() ? "" : "namespace " + Namespace.str() + " {\n\n";
  std::string Close = Namespace.empty() ? "" : "\n}  // namespace " + Namespace.str() + "\n";
  return "#pragma once\n\n#include <memory>\n\n#include <prometheus/registry.h>\n\n" + Open +
         "/// The process-wide registry, shared: whoever keeps a std::shared_ptr or a\n"
         "/// std::weak_ptr of it (prometheus::Exposer does) keeps this one.\n"
         "inline const std::shared_ptr<prometheus::Registry>& " +
         Shared.str() +
         "() {\n"
         "  static const std::shared_ptr<prometheus::Registry> registry =\n"
         "      std::make_shared<prometheus::Registry>();\n"
         "  return registry;\n"
         "}\n\n"
         "/// The process-wide registry every metric registers on.\n"
         "inline prometheus::Registry& " +
         Function.str() + "() { return *" + Shared.str() + "(); }\n" + Close;
}

/// A `std::shared_ptr<prometheus::Registry>` to the process-wide registry
/// with a live owner: the configured or written shared accessor, else a
/// pointer whose deleter does nothing. Either way it can be locked through
/// a std::weak_ptr for as long as a copy of it lives, as the pointer it
/// replaces could (an aliasing pointer with no owner could not).
std::string sharedRegistry(const Plan &P) {
  if (!P.RegistryShared.empty())
    return P.RegistryShared;
  return "std::shared_ptr<prometheus::Registry>(&" + P.RegistryExpr +
         ", [](prometheus::Registry*) {})";
}

/// \p MP's definition, with what it needs, in its owner's .cpp (or header,
/// when the owner has none), and its `extern` declaration in the header.
void placeDefinition(RewriteContext &Ctx, const MetricPlan &MP, const Metric &M) {
  // Defined in the owner's .cpp, else in its header.
  const std::string &Home = MP.OwnerSource.empty() ? MP.OwnerHeader : MP.OwnerSource;
  if (Home.empty())
    return;
  std::string Kind = kindHeader(M.Kind);
  std::vector<llvm::StringRef> Landing = {MP.Definition};
  for (const auto &[Name, Definition] : M.LocalConstants)
    Landing.push_back(Definition);
  Ctx.constants(Home, M.LocalConstants);
  Ctx.includeNeeded(Home, M.Includes, Landing);
  Ctx.Preamble[Home][RewriteContext::Definitions].push_back(MP.Definition);
  Ctx.include(Home, includeSpelling(Ctx.F, Ctx.P.RegistryHeader, Home));
  Ctx.include(Home, Kind);
  Ctx.include(Home, "<prometheus/family.h>");
  // Defined in the .cpp: declared `extern` in the header.
  if (!MP.OwnerSource.empty() && !MP.OwnerHeader.empty()) {
    Ctx.Preamble[MP.OwnerHeader][RewriteContext::Definitions].push_back(MP.Declaration);
    Ctx.include(MP.OwnerHeader, Kind);
    Ctx.include(MP.OwnerHeader, "<prometheus/family.h>");
  }
}

/// Places the definition of every moved or shared metric; false when there
/// is none.
bool placeDefinitions(RewriteContext &Ctx) {
  std::map<std::string, const Metric *> ByName;
  for (const Metric &M : Ctx.C.Metrics)
    ByName[M.Name] = &M;
  bool AnyMoved = false;
  for (const MetricPlan &MP : Ctx.P.Metrics) {
    if (MP.Fate != MetricFate::Moved && MP.Fate != MetricFate::Shared)
      continue;
    AnyMoved = true;
    placeDefinition(Ctx, MP, *ByName.at(MP.Name));
  }
  return AnyMoved;
}

/// Writes the registry header the project lacks, with the line breaks of
/// the service's header; returns the call of its shared accessor.
llvm::Expected<std::string> writeRegistryHeader(RewriteContext &Ctx) {
  const Plan &P = Ctx.P;
  auto Parts = splitRegistryExpr(P.RegistryExpr);
  if (!Parts)
    return llvm::createStringError(
        llvm::inconvertibleErrorCode(),
        "registry.expr '%s' is not a call like 'ns::DefaultRegistry()', and "
        "registry.header '%s' does not exist to provide it",
        P.RegistryExpr.c_str(), P.RegistryHeader.c_str());
  // Its shared accessor: the configured one, when it is a call in the
  // same namespace, else one named after `expr`'s function.
  std::string Shared = sharedFunctionName(Parts->second);
  if (!P.RegistryShared.empty()) {
    auto SharedParts = splitRegistryExpr(P.RegistryShared);
    if (!SharedParts || SharedParts->first != Parts->first)
      return llvm::createStringError(
          llvm::inconvertibleErrorCode(),
          "registry.shared '%s' is not a call like '%s::%s()', and registry.header '%s' "
          "does not exist to provide it",
          P.RegistryShared.c_str(), Parts->first.c_str(), Shared.c_str(),
          P.RegistryHeader.c_str());
    Shared = SharedParts->second;
  }
  std::string SharedExpr = (Parts->first.empty() ? "" : Parts->first + "::") + Shared + "()";
  FileChange &Header = Ctx.Result.Edits.file(P.RegistryHeader);
  Header.NewContent = registryHeader(Parts->first, Parts->second, Shared);
  // Written with the line breaks of the service's header.
  auto ServiceHeader = Ctx.text(Ctx.C.TheService.Header);
  if (!ServiceHeader)
    return ServiceHeader.takeError();
  if (llvm::StringRef(*ServiceHeader).contains("\r\n")) {
    std::string CRLF;
    for (char C : *Header.NewContent)
      CRLF += C == '\n' ? "\r\n" : std::string(1, C);
    Header.NewContent = std::move(CRLF);
  }
  return SharedExpr;
}

/// The service's own registry becomes \p SharedExpr, a shared pointer to
/// the process-wide one.
llvm::Error pointServiceAtRegistry(RewriteContext &Ctx, const std::string &SharedExpr) {
  const Plan &P = Ctx.P;
  const Service &S = Ctx.C.TheService;
  if (!S.RegistryInit.valid()) {
    Ctx.manual(S.Loc, "point the service's registry at " + P.RegistryExpr,
               "no std::shared_ptr<prometheus::Registry> member initializer was found",
               LeftBecause::Registry);
    return llvm::Error::success();
  }
  Ctx.edit(S.RegistryInit.File, S.RegistryInit.Offset, S.RegistryInit.Length, SharedExpr,
           "registry of " + S.Name);
  Ctx.include(S.RegistryInit.File, includeSpelling(Ctx.F, P.RegistryHeader, S.RegistryInit.File));
  // The parameter it was initialized from keeps its type and loses its
  // name (as misc-unused-parameters does), so no warning appears.
  if (S.RegistryParam.valid()) {
    auto Text = Ctx.text(S.RegistryParam.File);
    if (!Text)
      return Text.takeError();
    std::string Name = Text->substr(S.RegistryParam.Offset, S.RegistryParam.Length);
    Ctx.edit(S.RegistryParam.File, S.RegistryParam.Offset, S.RegistryParam.Length,
             "/*" + Name + "*/", "unused parameter " + Name + " of " + S.Name);
  }
  // So is a registry the service is built on elsewhere (a test's own,
  // read back after the code under test recorded), directly or through a
  // constructor or function handing its parameter on to the service.
  for (const SourceSpan &R : givenRegistries(Ctx)) {
    Ctx.edit(R.File, R.Offset, R.Length, SharedExpr,
             "registry the service is built on at " + R.File + ":" + std::to_string(R.Line));
    Ctx.include(R.File, includeSpelling(Ctx.F, P.RegistryHeader, R.File));
  }
  return llvm::Error::success();
}

} // namespace

llvm::Error defineMetrics(RewriteContext &Ctx) {
  if (!placeDefinitions(Ctx))
    return llvm::Error::success();
  std::string SharedExpr = sharedRegistry(Ctx.P);
  if (Ctx.P.WriteRegistryHeader) {
    llvm::Expected<std::string> Written = writeRegistryHeader(Ctx);
    if (!Written)
      return Written.takeError();
    SharedExpr = std::move(*Written);
  }
  return pointServiceAtRegistry(Ctx, SharedExpr);
}

} // namespace mm
