//===--- Planner.cpp - Catalog + Facts -> Plan ----------------------------===//
//
// Stage [3]'s entry, makePlan: where new code goes, which module owns each
// metric and what its constant is called, how each wrapper is replaced;
// then the steps of PlanSteps.h (what cannot move, the injection, the
// service's own tests) and the demotions verification asked for.
//
//===----------------------------------------------------------------------===//

#include "planner/Planner.h"
#include "planner/PlanSteps.h"

#include "planner/ExpectationBody.h"
#include "planner/OptionalBuild.h"

#include "core/TextEdits.h"

#include "clang/Basic/CharInfo.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/Path.h"

#include <algorithm>
#include <map>
#include <set>

namespace mm {

namespace {

std::string familyType(MetricKind K) {
  switch (K) {
  case MetricKind::Counter: return "prometheus::Counter";
  case MetricKind::Gauge: return "prometheus::Gauge";
  case MetricKind::Histogram: return "prometheus::Histogram";
  case MetricKind::Summary: return "prometheus::Summary";
  }
  return "prometheus::Counter";
}

/// The file of \p Module with one of \p Exts that the project has.
template <size_t N>
std::string fileOf(const std::set<std::string> &Files, const std::string &Module,
                   const char *const (&Exts)[N]) {
  for (const char *Ext : Exts)
    if (Files.count(Module + Ext))
      return Module + Ext;
  return "";
}

/// Headers kept apart from their sources (`include/ingestd/pipeline/x.hpp`
/// for `src/pipeline/x.cpp`), by module: each source module without a
/// header beside it is paired with the one header of its file name that
/// shares the most trailing directories with it; on a tie, with none.
std::map<std::string, std::string> splitHeaders(const std::set<std::string> &Files) {
  auto Parts = [](llvm::StringRef Module) {
    llvm::SmallVector<llvm::StringRef, 8> Out;
    Module.split(Out, '/');
    return Out;
  };
  std::map<std::string, std::vector<std::string>> HeadersByName;
  for (const std::string &F : Files)
    if (isHeaderFile(F))
      HeadersByName[llvm::sys::path::filename(moduleOf(F)).str()].push_back(moduleOf(F));
  std::map<std::string, std::string> Out; // source module -> header module
  for (const std::string &F : Files) {
    std::string Module = moduleOf(F);
    if (isHeaderFile(F) || !fileOf(Files, Module, HeaderExtensions).empty())
      continue;
    auto Candidates = HeadersByName.find(llvm::sys::path::filename(Module).str());
    if (Candidates == HeadersByName.end())
      continue;
    auto Mine = Parts(Module);
    size_t Best = 0;
    std::vector<std::string> Tied;
    for (const std::string &H : Candidates->second) {
      auto Theirs = Parts(H);
      size_t Shared = 0;
      while (Shared < Mine.size() && Shared < Theirs.size() &&
             Mine[Mine.size() - 1 - Shared] == Theirs[Theirs.size() - 1 - Shared])
        ++Shared;
      if (Shared > Best)
        Tied.clear(), Best = Shared;
      if (Shared == Best)
        Tied.push_back(H);
    }
    if (Tied.size() == 1)
      Out[Module] = Tied.front();
  }
  return Out;
}


/// The family built by \p Chain, its series created up front by the
/// statements the service ran on it: an immediately invoked lambda, so
/// they run once, as the constant is initialized.
std::string withSetUp(llvm::StringRef Chain, llvm::StringRef Type,
                      llvm::ArrayRef<SetUpStatement> SetUp) {
  std::string Local = "family";
  while (llvm::any_of(SetUp, [&](const SetUpStatement &S) { return containsWord(S.Text, Local); }))
    Local += "_";
  std::string Out = "[]() -> " + Type.str() + " {\n  auto& " + Local + " = " + Chain.str() + ";\n";
  for (const SetUpStatement &S : SetUp) {
    std::string Text;
    unsigned Pos = 0;
    for (const auto &[Offset, Length] : S.FamilyUses) {
      Text += S.Text.substr(Pos, Offset - Pos) + Local + ".";
      Pos = Offset + Length;
    }
    Text += S.Text.substr(Pos);
    Out += "  " + Text + "\n";
  }
  return Out + "  return " + Local + ";\n}()";
}

/// Where a header the migration writes goes, given as \p Spelling: from the
/// root when its folder holds project files there, else under the include
/// root (most used first) whose copy of that folder does (`daq/registry.h`
/// under `include/` when `include/daq/` holds the project's headers), else
/// from the root.
std::string newHeaderPlace(const Facts &F, const std::set<std::string> &Files,
                           llvm::StringRef Spelling) {
  std::string Folder = llvm::sys::path::parent_path(Spelling).str();
  if (Folder.empty())
    return Spelling.str();
  auto Holds = [&](const std::string &Dir) {
    auto It = Files.lower_bound(Dir);
    return It != Files.end() && llvm::StringRef(*It).starts_with(Dir);
  };
  if (Holds(Folder + "/"))
    return Spelling.str();
  std::vector<std::pair<uint64_t, std::string>> Roots;
  for (const auto &[From, Count] : F.IncludeRoots)
    if (From != "." && !From.empty())
      Roots.push_back({Count, From});
  llvm::stable_sort(Roots, [](const auto &A, const auto &B) { return A.first > B.first; });
  for (const auto &[Count, From] : Roots)
    if (Holds(From + Folder + "/"))
      return From + Spelling.str();
  return Spelling.str();
}

/// Tests of the service's own wrappers that name it only to call wrappers
/// that all leave it (ServiceTestPlan): each body becomes, for every metric
/// those wrappers recorded, a check that the migration's constant is the
/// family or child the process-wide registry hands back for its chain.
void planServiceTests(const Catalog &C, const Facts &F, const Config &Cfg, Plan &P,
                      const std::map<std::string, const Wrapper *> &BySignature) {
  std::map<std::tuple<std::string, unsigned, unsigned>, std::vector<const CallSite *>> Tests;
  for (const CallSite &CS : C.CallSites)
    if (CS.InTest && CS.ServiceTest.valid())
      Tests[CS.ServiceTest.key()].push_back(&CS);
  for (const auto &[Key, Calls] : Tests) {
    const CallSite &First = *Calls.front();
    const SourceSpan &Body = First.ServiceTest;
    if (!unwritableReason(Cfg, Body.File).empty())
      continue;
    bool AllGo = llvm::all_of(Calls, [&](const CallSite *CS) {
      const WrapperPlan *WP = P.wrapper(CS->Signature);
      return !CS->ServiceTestCallsMore && !CS->InMacro && WP && WP->Fate != WrapperFate::Keep;
    });
    // The object is named there only to call them.
    bool OnlyCalled = llvm::all_of(F.ServiceVars, [&](const ServiceVar &V) {
      return llvm::all_of(V.Uses, [&](const SourceSpan &Use) {
        return !Body.contains(Use) ||
               llvm::any_of(Calls, [&](const CallSite *CS) { return CS->Loc.contains(Use); });
      });
    });
    if (!AllGo || !OnlyCalled)
      continue;
    ServiceTestPlan T;
    T.Body = Body;
    T.Name = First.TestName;
    for (const CallSite *CS : Calls) {
      T.Wrappers.push_back(CS->Wrapper);
      for (const std::string &Name : BySignature.at(CS->Signature)->Metrics)
        if (const MetricPlan *MP = P.metric(Name);
            MP && (MP->Fate == MetricFate::Moved || MP->Fate == MetricFate::Shared))
          T.Metrics.push_back(Name);
    }
    // Each constant must be declared where the test can include it.
    if (llvm::any_of(T.Metrics, [&](const std::string &Name) {
          return P.metric(Name)->OwnerHeader.empty();
        }))
      continue;
    llvm::sort(T.Wrappers);
    T.Wrappers.erase(std::unique(T.Wrappers.begin(), T.Wrappers.end()), T.Wrappers.end());
    llvm::sort(T.Metrics);
    T.Metrics.erase(std::unique(T.Metrics.begin(), T.Metrics.end()), T.Metrics.end());
    if (T.Metrics.empty())
      continue;
    std::string Checks;
    for (const std::string &Name : T.Metrics) {
      const MetricPlan &MP = *P.metric(Name);
      const Metric &M = *llvm::find_if(C.Metrics, [&](const Metric &M) { return M.Name == Name; });
      Checks += "  EXPECT_EQ(&" + rebuiltChain(M, P.RegistryExpr) + ",\n            &" +
                spelledFrom(MP.Constant, MP.Namespace, First.Namespace) + ");\n";
    }
    std::string Moved = llvm::join(T.Wrappers, ", ");
    T.NewBody = "{\n  // " + Moved + (T.Wrappers.size() == 1 ? " left" : " leave") +
                " the service; " + (T.Wrappers.size() == 1 ? "its" : "their") +
                " callers record on the metrics themselves.\n"
                "  // What is left to check: each is on the process-wide registry.\n" +
                Checks + "}";
    P.ServiceTests.push_back(std::move(T));
  }
}

/// Where the project's code is, as the plan places new code: its files,
/// the header kept apart from each source, and each module's namespace and
/// class header from its call sites.
struct Layout {
  std::set<std::string> Files;
  /// A header kept apart from its source is one module with it.
  std::map<std::string, std::string> HeaderOf, SourceOf;
  /// New code goes where the calls it replaces are: each module's in the
  /// namespace of its first call site.
  std::map<std::string, std::string> ModuleNamespaces;
  /// Each module's class header, from its first call site that names one.
  std::map<std::string, std::string> ClassHeaders;

  std::string moduleOf(const std::string &Module) const {
    auto It = SourceOf.find(Module);
    return It != SourceOf.end() ? It->second : Module;
  }
  /// The header declaring a module's constants: one of its name, one kept
  /// apart from it, or, for a module without one, the header defining the
  /// class whose methods record there (`grpc_pool.h` for
  /// `ingestion_pool.cpp`).
  std::string headerFor(const std::string &Module) const {
    std::string Header = fileOf(Files, Module, HeaderExtensions);
    if (auto Apart = HeaderOf.find(Module); Apart != HeaderOf.end())
      Header = fileOf(Files, Apart->second, HeaderExtensions);
    if (Header.empty())
      if (auto Class = ClassHeaders.find(Module); Class != ClassHeaders.end())
        Header = Class->second;
    return Header;
  }
};

/// The layout of the project, and the namespace of each file new code goes
/// in (Plan::FileNamespaces).
Layout layoutOf(const Catalog &C, const Facts &F, Plan &P) {
  Layout L;
  L.Files.insert(F.Files.begin(), F.Files.end());
  L.HeaderOf = splitHeaders(L.Files);
  for (const auto &[Source, Header] : L.HeaderOf)
    L.SourceOf[Header] = Source;
  for (const CallSite &CS : C.CallSites)
    if (!CS.ClassHeader.empty() && L.Files.count(CS.ClassHeader))
      L.ClassHeaders.try_emplace(L.moduleOf(CS.Module), CS.ClassHeader);
  for (const CallSite &CS : C.CallSites) {
    L.ModuleNamespaces.try_emplace(L.moduleOf(CS.Module), CS.Namespace);
    P.FileNamespaces.try_emplace(CS.InMacro && CS.MacroDefinition.valid()
                                     ? CS.MacroDefinition.File
                                     : CS.Loc.File,
                                 CS.Namespace);
  }
  // A test file that records nothing itself: where its expectations are.
  for (const Expectation &E : F.Expectations)
    P.FileNamespaces.try_emplace(E.Stmt.File, E.Namespace);
  return L;
}

/// registry.header names a project file by its path from the root, or as
/// the project's includes spell it (`ingestd/telemetry/registry.hpp` for
/// `include/ingestd/telemetry/registry.hpp` on the include path); when it
/// names none, the plan writes it.
void placeRegistry(const Facts &F, const Config &Cfg, const Layout &L, Plan &P) {
  P.WriteRegistryHeader = !L.Files.count(Cfg.Registry.Header);
  if (P.WriteRegistryHeader)
    for (const auto &[File, Spelling] : F.IncludeSpellings)
      if (llvm::StringRef(Spelling).drop_front().drop_back() == Cfg.Registry.Header &&
          L.Files.count(File)) {
        P.RegistryHeader = File;
        P.WriteRegistryHeader = false;
        break;
      }
  if (P.WriteRegistryHeader)
    P.RegistryHeader = newHeaderPlace(F, L.Files, Cfg.Registry.Header);
  P.RegistryInclude = includeSpelling(F, P.RegistryHeader);
}

/// How often each wrapper is called, and each metric recorded by production
/// call sites per module.
struct Usage {
  std::map<std::string, std::map<std::string, unsigned>> SitesPerModule;
  std::map<std::string, unsigned> WrapperCalls;
};

Usage usageOf(const Catalog &C, const std::map<std::string, const Wrapper *> &BySignature,
              const Layout &L) {
  Usage U;
  for (const CallSite &CS : C.CallSites) {
    ++U.WrapperCalls[CS.Signature];
    if (CS.InTest)
      continue;
    auto It = BySignature.find(CS.Signature);
    if (It == BySignature.end())
      continue;
    for (const std::string &Metric : It->second->Metrics)
      ++U.SitesPerModule[Metric][L.moduleOf(CS.Module)];
  }
  return U;
}

/// Why \p M cannot become a constant however it is recorded, and the
/// pattern behind it; nothing when it can.
std::optional<std::pair<std::string, LeftBecause>> whyMetricStays(const Metric &M,
                                                                  const Catalog &C) {
  if (M.SetTwoWays)
    return std::make_pair("`" + M.Field + "` is set by two different chains: which one holds "
                                          "depends on the order they run",
                          LeftBecause::SetTwoWays);
  if (!M.RuntimeRead.empty())
    return std::make_pair(
        llvm::formatv("its chain reads {0} ({1}:{2}), known only when the service is "
                      "built: a constant at namespace scope cannot read it",
                      M.RuntimeRead, M.RuntimeReadAt.File, M.RuntimeReadAt.Line)
            .str(),
        LeftBecause::RuntimeValue);
  if (M.OtherUse.valid())
    return std::make_pair(
        llvm::formatv("{0}:{1} uses `{2}` for more than creating its series up front "
                      "(a parameter or another member of the service, or what it hands "
                      "back): that statement cannot move with it",
                      M.OtherUse.File, M.OtherUse.Line, M.Field)
            .str(),
        LeftBecause::SetUpUse);
  // One constant per Prometheus name: a family held beside the children
  // taken from it, or children of one family in fields of their own,
  // cannot be told apart by it. They stay, all of them.
  size_t Holders = llvm::count_if(C.Metrics, [&](const Metric &O) { return O.Name == M.Name; });
  if (Holders > 1)
    return std::make_pair(
        llvm::formatv("`{0}` is held in {1} fields (a family and the children taken "
                      "from it): one constant per metric name is all the migration "
                      "writes",
                      M.Name, Holders)
            .str(),
        LeftBecause::SharedMetricName);
  return std::nullopt;
}

/// The owner of a metric recorded by \p Sites (calls per module), its users,
/// its files and namespace: the module recording it most owns it; when
/// others record it too, one with a header to declare it in for them comes
/// first.
void chooseOwner(MetricPlan &MP, const std::map<std::string, unsigned> &Sites,
                 const Layout &L, Plan &P) {
  std::vector<std::pair<std::string, unsigned>> Modules(Sites.begin(), Sites.end());
  std::stable_sort(Modules.begin(), Modules.end(), [](const auto &A, const auto &B) {
    return A.second > B.second;
  });
  if (Modules.size() > 1 && L.headerFor(Modules.front().first).empty())
    std::stable_partition(Modules.begin(), Modules.end(),
                          [&](const auto &M) { return !L.headerFor(M.first).empty(); });
  MP.Owner = Modules.front().first;
  MP.OwnerSites = Modules.front().second;
  for (size_t I = 1; I < Modules.size(); ++I)
    MP.Users.push_back(Modules[I].first);
  std::sort(MP.Users.begin(), MP.Users.end());
  MP.Fate = MP.Users.empty() ? MetricFate::Moved : MetricFate::Shared;
  MP.OwnerSource = fileOf(L.Files, MP.Owner, SourceExtensions);
  MP.OwnerHeader = L.headerFor(MP.Owner);
  // Defined in the namespace of the code recording it, and declared in
  // the same one in the owner's header.
  auto Namespace = L.ModuleNamespaces.find(MP.Owner);
  MP.Namespace = Namespace != L.ModuleNamespaces.end() ? Namespace->second : "";
  for (const std::string &File : {MP.OwnerSource, MP.OwnerHeader})
    if (auto It = P.FileNamespaces.find(File); It != P.FileNamespaces.end()) {
      MP.Namespace = It->second;
      break;
    }
  for (const std::string &File : {MP.OwnerSource, MP.OwnerHeader})
    if (!File.empty())
      P.FileNamespaces.try_emplace(File, MP.Namespace);
}

/// The constants of \p M, owned as \p MP says: each name suffixed when an
/// identifier of that spelling is already declared in a file that will see
/// it; the family's definition and declaration, then those of the children
/// the service took from it, each defined after the family's (one TU:
/// initialized in that order), so each series is still created up front and
/// recorded without a lookup.
void defineConstants(MetricPlan &MP, const Metric &M, const Facts &F, const Layout &L,
                     const Plan &P) {
  std::vector<std::string> Seeing = {MP.OwnerSource, MP.OwnerHeader};
  for (const std::string &U : MP.Users) {
    Seeing.push_back(fileOf(L.Files, U, SourceExtensions));
    Seeing.push_back(fileOf(L.Files, U, HeaderExtensions));
  }
  auto DeclaredWhereSeen = [&](const std::string &Name) -> std::string {
    for (const std::string &File : Seeing) {
      auto Names = F.UpperSnakeNames.find(File);
      if (!File.empty() && Names != F.UpperSnakeNames.end() &&
          llvm::is_contained(Names->second, Name))
        return File;
    }
    return "";
  };
  std::string Name = constantName(M.Name);
  if (std::string File = DeclaredWhereSeen(Name); !File.empty())
    MP.ClashWith = {Name, File};
  MP.Constant = MP.ClashWith.empty() ? Name : Name + "_METRIC";

  std::string Chain = rebuiltChain(M, P.RegistryExpr);
  std::string Linkage = MP.OwnerSource.empty() ? "inline " : "";
  MP.Definition = Linkage + MP.Type + " " + MP.Constant + " =\n    " +
                  (M.SetUp.empty() ? Chain : withSetUp(Chain, MP.Type, M.SetUp)) + ";";
  MP.Declaration = "extern " + MP.Type + " " + MP.Constant + ";";
  std::set<std::string> Taken = {MP.Constant};
  for (const ChildField &Ch : M.Children) {
    std::string Constant = fieldConstantName(Ch.Field);
    if (!Taken.insert(Constant).second || !DeclaredWhereSeen(Constant).empty()) {
      Constant += "_METRIC";
      Taken.insert(Constant);
    }
    std::string Type = familyType(M.Kind) + "&";
    MP.Definition += "\n" + Linkage + Type + " " + Constant + " =\n    " + MP.Constant +
                     ".Add(" + Ch.Args + ");";
    MP.Declaration += "\nextern " + Type + " " + Constant + ";";
    MP.Children.push_back({Ch.Field, Constant, Ch.Pointer});
  }
}

/// The plan of \p M, or nothing for a field whose name could not be read:
/// no metric the plan can place, it stays, and so does every wrapper
/// recording it.
std::optional<MetricPlan> planMetric(const Metric &M, const Catalog &C, const Facts &F,
                                     const Layout &L, const Usage &U, Plan &P) {
  if (M.Name.empty())
    return std::nullopt;
  MetricPlan MP;
  MP.Name = M.Name;
  MP.Field = M.Field;
  MP.Namespace = C.TheService.Namespace;
  MP.Pointer = M.Style == FieldStyle::ChildPtr || M.Style == FieldStyle::FamilyPtr;
  bool IsFamily = M.Style == FieldStyle::FamilyRef || M.Style == FieldStyle::FamilyPtr;
  MP.Type = IsFamily ? "prometheus::Family<" + familyType(M.Kind) + ">&"
                     : familyType(M.Kind) + "&";
  // Nobody outside the service records it: kept when the service's own
  // code (a method outside the interfaces) does, dead otherwise, whatever
  // else would keep it (its children stored in a map nothing reads).
  auto Sites = U.SitesPerModule.find(M.Name);
  bool Internal = llvm::any_of(C.Wrappers, [&](const Wrapper &W) {
    return !W.Overrides && llvm::is_contained(W.Metrics, M.Name);
  });
  if (Sites == U.SitesPerModule.end() && !Internal) {
    MP.Fate = MetricFate::Dead;
    return MP;
  }
  if (auto Why = whyMetricStays(M, C))
    return keptMetric(MP, Why->first, Why->second);
  if (Sites == U.SitesPerModule.end()) {
    MP.Fate = MetricFate::Kept;
    return MP;
  }
  chooseOwner(MP, Sites->second, L, P);
  defineConstants(MP, M, F, L, P);
  return MP;
}

/// How \p W is replaced, before what cannot move is kept
/// (keepWhatCannotMove): kept when its body needs the service, it records a
/// metric whose name is not read, or only the service calls it; inlined
/// when its body is one expression; a file-local helper otherwise.
WrapperPlan planWrapper(const Wrapper &W, const Catalog &C, const Usage &U, const Plan &P) {
  WrapperPlan WP;
  WP.Name = W.Name;
  WP.Signature = W.Signature;
  bool AllKept = llvm::all_of(W.Metrics, [&](const std::string &M) {
    const MetricPlan *MP = P.metric(M);
    return !MP || MP->Fate == MetricFate::Kept || MP->Fate == MetricFate::Dead;
  });
  auto Unread = llvm::find_if(W.Metrics, [&](const std::string &M) { return !P.metric(M); });
  if (std::optional<std::string> Why = bodyProblem(W)) {
    WP.Fate = WrapperFate::Keep;
    WP.Reason = *Why;
    WP.Cause = W.UsesServiceState ? LeftBecause::BodyUsesService
                                  : LeftBecause::BodyHasDirectives;
  } else if (Unread != W.Metrics.end()) {
    WP.Fate = WrapperFate::Keep;
    auto Field = llvm::find_if(C.Metrics, [&](const Metric &M) {
      return M.Name.empty() && M.Field == *Unread;
    });
    WP.Reason = Field != C.Metrics.end() && !Field->BuiltBy.empty()
                    ? "it records " + *Unread + ", whose name is built by `" +
                          Field->BuiltBy + "`: not a literal"
                    : "it records " + *Unread + ", which is not set from a builder chain";
    WP.Cause = LeftBecause::NameNotReadable;
  } else if (AllKept && !U.WrapperCalls.count(W.Signature)) {
    WP.Fate = WrapperFate::Keep;
    WP.Reason = "nobody outside the service calls it";
  } else if (W.Body == BodyKind::SingleExpression) {
    WP.Fate = WrapperFate::Inline;
  } else {
    WP.Fate = WrapperFate::Helper;
    WP.Reason = W.Body == BodyKind::MultiStatement ? "its body has several statements"
                                                   : "its body is not one expression";
  }
  return WP;
}

} // namespace

Plan makePlan(const Catalog &C, const Facts &F, const Config &Cfg,
              llvm::ArrayRef<Demotion> Demotions) {
  Plan P;
  P.Demoted.assign(Demotions.begin(), Demotions.end());
  P.ServiceNamespace = C.TheService.Namespace;
  P.RegistryExpr = Cfg.Registry.Expr;
  P.RegistryHeader = Cfg.Registry.Header;
  P.RegistryShared = Cfg.Registry.Shared;
  Layout L = layoutOf(C, F, P);
  placeRegistry(F, Cfg, L, P);

  std::map<std::string, const Wrapper *> BySignature;
  for (const Wrapper &W : C.Wrappers)
    BySignature[W.Signature] = &W;
  Usage U = usageOf(C, BySignature, L);
  for (const Metric &M : C.Metrics)
    if (std::optional<MetricPlan> MP = planMetric(M, C, F, L, U, P))
      P.Metrics.push_back(std::move(*MP));
  std::sort(P.Metrics.begin(), P.Metrics.end(),
            [](const MetricPlan &A, const MetricPlan &B) { return A.Name < B.Name; });
  for (const Wrapper &W : C.Wrappers)
    P.Wrappers.push_back(planWrapper(W, C, U, P));

  P.Optional = optionalBuild(C, F, Cfg);
  keepWhatCannotMove(C, F, Cfg, P, BySignature);
  for (WrapperPlan &WP : P.Wrappers)
    if (WP.Fate == WrapperFate::Helper)
      WP.HelperDefinition = helperDefinition(*BySignature.at(WP.Signature), P, std::nullopt);
  planInjection(C, F, Cfg, P);
  planServiceTests(C, F, Cfg, P, BySignature);
  if (P.Optional)
    P.Optional->Statements = conditionalStatements(C, F, *P.Optional, [&](const CallSite &CS) {
      const WrapperPlan *WP = P.wrapper(CS.Signature);
      return WP && WP->Fate != WrapperFate::Keep;
    });
  return P;
}

} // namespace mm
