//===--- Init.cpp - A starter .metrics-migrate.yaml -----------------------===//

#include "tool/Init.h"

#include "matchers/ServiceFinder.h"
#include "tool/Paths.h"

#include "llvm/Support/FileSystem.h"
#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/raw_ostream.h"

namespace mm {

namespace {

/// The accessor to register migrated metrics on: a declared one (in a
/// header, preferably), or the one `apply` will write beside the service's
/// header, with that header's extension, in its namespace's `metrics`
/// namespace (the namespace itself when it is one).
RegistryAccessor registryFor(const ServiceCandidates &C, const ClassCandidate &Service,
                             bool &Found) {
  Found = !C.Registries.empty();
  for (const RegistryAccessor &R : C.Registries)
    if (isHeaderFile(R.Header))
      return R;
  if (Found)
    return *C.Registries.begin();
  llvm::StringRef Name = Service.Name;
  size_t Colons = Name.rfind("::");
  std::string Namespace = Colons == llvm::StringRef::npos ? "" : Name.take_front(Colons).str();
  // Beside the service's header, with its extension (`registry.hpp` among
  // `.hpp` headers).
  llvm::SmallString<128> Header(llvm::sys::path::parent_path(Service.File));
  llvm::sys::path::append(Header, "registry");
  Header += isHeaderFile(Service.File) ? llvm::sys::path::extension(Service.File) : ".h";
  // In the service's namespace's `metrics` namespace, unless it is one.
  llvm::StringRef Last = llvm::StringRef(Namespace).rsplit("::").second;
  if (Last.empty())
    Last = Namespace;
  std::string Scope = Last == "metrics" ? Namespace
                      : Namespace.empty() ? "metrics"
                                          : Namespace + "::metrics";
  return {Scope + "::DefaultRegistry()", std::string(Header)};
}

/// YAML's double-quoted form of \p S.
std::string quoted(llvm::StringRef S) {
  std::string Out = "\"";
  for (char C : S) {
    if (C == '"' || C == '\\')
      Out += '\\';
    Out += C;
  }
  return Out + "\"";
}

/// Where the service's migrated metrics register.
struct RegistryChoice {
  RegistryAccessor Accessor;
  bool Found = false; ///< Declared in the project; else `apply` writes it.
  /// The same registry as a shared_ptr, when an accessor declared beside it
  /// returns one; else "".
  std::string Shared;
};

RegistryChoice chooseRegistry(const ServiceCandidates &All, const ClassCandidate &S) {
  RegistryChoice Out;
  Out.Accessor = registryFor(All, S, Out.Found);
  // A shared_ptr accessor declared beside it can own it for the service.
  if (Out.Found)
    for (const RegistryAccessor &R : All.SharedRegistries)
      if (R.Header == Out.Accessor.Header) {
        Out.Shared = R.Expr;
        break;
      }
  return Out;
}

/// Why no service class was found: the counts of the scan, the classes
/// that return metrics from methods, and the TUs that failed.
llvm::Error noServiceError(const Config &Base, llvm::ArrayRef<TURun> Runs,
                           const ServiceCandidates &All,
                           llvm::ArrayRef<std::string> FailedTUs) {
  size_t Skipped = llvm::count_if(Runs, [](const TURun &R) { return R.Skipped; });
  std::string Message = llvm::formatv(
      "no class under {0} has a prometheus-cpp metric or family field ({1} translation "
      "units, {2} of them never name `prometheus`, {3} failed to parse)",
      Base.Root, Runs.size(), Skipped, FailedTUs.size());
  // A class that builds its metrics in accessors holds none in a field.
  for (const auto &[Name, C] : All.Classes)
    if (C.MetricFields.empty() && !C.MetricMethods.empty())
      Message += llvm::formatv("; {0} ({1}:{2}) returns metrics from {3} method(s) ({4}) "
                               "instead of holding them in fields, which the migration "
                               "does not take (docs/left-for-a-human.md#name-not-readable)",
                               Name, C.File, C.Line, C.MetricMethods.size(),
                               llvm::join(C.MetricMethods, ", "))
                     .str();
  if (FailedTUs.empty())
    Message += "; write .metrics-migrate.yaml by hand (docs/config.md)";
  else {
    Message += "; the service may be in one of those that failed, each with its first "
               "error (fix them, or --exclude them and write .metrics-migrate.yaml by hand):";
    for (const std::string &Error : FailedTUs)
      Message += "\n  " + Error;
  }
  return llvm::createStringError(llvm::inconvertibleErrorCode(), "%s", Message.c_str());
}

/// What was found, for the user: the service, its registry, the counts of
/// the scan and up to three other classes with metric fields.
std::string summary(const ServiceCandidates &All, const ServiceChoice &Choice,
                    const RegistryChoice &Registry, llvm::ArrayRef<TURun> Runs,
                    size_t Failed) {
  const ClassCandidate &S = *Choice.Service;
  std::string Out;
  llvm::raw_string_ostream Say(Out);
  Say << llvm::formatv("service class: {0} ({1}:{2}), {3} metric field(s), injected through "
                       "{4} constructor parameter(s)",
                       S.Name, S.File, S.Line, S.MetricFields.size(), Choice.Injections);
  if (!S.Bases.empty())
    Say << " (its own or as " << llvm::join(S.Bases, ", ") << ")";
  Say << "\n";
  Say << "registry: " << Registry.Accessor.Expr << " from " << Registry.Accessor.Header
      << (Registry.Found ? "" : " (none found: `apply` will write it)");
  if (!Registry.Shared.empty())
    Say << ", shared as " << Registry.Shared;
  Say << "\n";
  Say << llvm::formatv("translation units: {0} ({1} skipped: they never name `prometheus`; "
                       "{2} failed to parse)\n",
                       Runs.size(), llvm::count_if(Runs, [](const TURun &R) { return R.Skipped; }),
                       Failed);
  unsigned Others = 0;
  for (const auto &[Name, C] : All.Classes) {
    if (&C == &S || C.MetricFields.empty() || Others == 3)
      continue;
    if (Others++ == 0)
      Say << "other classes with metric fields:\n";
    Say << llvm::formatv("  {0} ({1}:{2}), {3} metric field(s), {4} constructor parameter(s)\n",
                         Name, C.File, C.Line, C.MetricFields.size(), C.Injections.size());
  }
  return Out;
}

/// The starter configuration's text for service \p S.
std::string starterYaml(const ClassCandidate &S, const RegistryChoice &Registry) {
  std::string Out;
  llvm::raw_string_ostream Yaml(Out);
  Yaml << "# metrics-migrate configuration (docs/config.md), written by `metrics-migrate "
          "init`.\n"
       << "# The class that defines the metrics and is injected into the services:\n"
       << "service_class: " << S.Name << "\n"
       << "# Where migrated metrics register: a function returning prometheus::Registry&.\n"
       << "registry:\n"
       << "  expr: " << quoted(Registry.Accessor.Expr) << "\n"
       << "  header: " << quoted(Registry.Accessor.Header) << "\n";
  if (!Registry.Shared.empty())
    Yaml << "  # The same registry as a std::shared_ptr, for the service's registry member:\n"
         << "  shared: " << quoted(Registry.Shared) << "\n";
  // Listed although the scan finds them from the class's bases: a sharded
  // scan, and the prefilter's first pass, know only what is listed.
  if (S.Bases.empty())
    Yaml << "# Classes the service is used through, besides its bases:\n"
         << "# interfaces: []\n";
  else
    Yaml << "# The class's polymorphic bases, through which it is used:\n"
         << "interfaces: [" << llvm::join(llvm::map_range(S.Bases, quoted), ", ") << "]\n";
  Yaml << "# test_doubles: []\n"
       << "# Never scanned nor written (globs, relative to this folder):\n"
       << "# exclude: [\"build*/\", \"third_party/\"]\n"
       << "# The style of the lines written (without it: .clang-format, else each file's own):\n"
       << "# format_style: \"{BasedOnStyle: LLVM, IndentWidth: 4}\"\n";
  Yaml << "# For a service compiled under a build option only (#ifdef WITH_PROMETHEUS), the\n"
       << "# flags that build the configuration without it (default: -U<macro>):\n"
       << "# without_service_flags: [\"-DNO_PROMETHEUS\"]\n";
  return Out;
}

} // namespace

std::vector<std::string> initPrefilterWords() { return {"prometheus"}; }

llvm::Expected<StarterConfig> detectConfig(const Config &Base, const ScanOptions &Opts) {
  std::vector<ServiceCandidates> PerTU;
  auto Runs = runOverDatabase(
      Base, Opts, [&](size_t N) { PerTU.resize(N); },
      [&](size_t I) { return newServiceFinderFactory(Base.Root, PerTU[I]); });
  if (!Runs)
    return Runs.takeError();
  StarterConfig Result;
  ServiceCandidates All;
  for (size_t I = 0; I < PerTU.size(); ++I) {
    if ((*Runs)[I].Parsed)
      mergeCandidates(All, PerTU[I]);
    else
      Result.FailedTUs.push_back(withRelativePaths(Base.Root, (*Runs)[I].MainFile + ": " +
                                                            (*Runs)[I].Errors.front()));
  }
  ServiceChoice Choice = pickService(All);
  if (!Choice.Service)
    return noServiceError(Base, *Runs, All, Result.FailedTUs);
  RegistryChoice Registry = chooseRegistry(All, *Choice.Service);
  Result.Summary = summary(All, Choice, Registry, *Runs, Result.FailedTUs.size());
  Result.Yaml = starterYaml(*Choice.Service, Registry);
  return Result;
}

} // namespace mm

