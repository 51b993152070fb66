//===--- Merge.cpp - Facts of every TU -> the Catalog ---------------------===//

#include "core/Merge.h"

#include "llvm/ADT/STLExtras.h"

#include <algorithm>
#include <map>
#include <set>

namespace mm {

namespace {

template <typename T> void sortUnique(std::vector<T> &V) {
  std::sort(V.begin(), V.end());
  V.erase(std::unique(V.begin(), V.end()), V.end());
}

void mergeMetric(Metric &Into, const Metric &From) {
  if (Into.Name.empty() && !From.Name.empty()) {
    std::vector<std::string> Labels = Into.LabelNames;
    std::vector<double> Buckets = Into.Buckets;
    std::string BucketsText = Into.BucketsText;
    Into = From;
    Into.LabelNames.insert(Into.LabelNames.end(), Labels.begin(), Labels.end());
    if (Into.Buckets.empty() && Into.BucketsText.empty()) {
      Into.Buckets = Buckets;
      Into.BucketsText = BucketsText;
    }
  } else {
    // Nameless in both: the TU that saw the constructor knows who built it.
    if (Into.BuiltBy.empty())
      Into.BuiltBy = From.BuiltBy;
    Into.LabelNames.insert(Into.LabelNames.end(), From.LabelNames.begin(),
                           From.LabelNames.end());
    if (Into.Buckets.empty() && Into.BucketsText.empty()) {
      Into.Buckets = From.Buckets;
      Into.BucketsText = From.BucketsText;
    }
    // Only the TU that saw the constructor's body knows its statements.
    if (Into.SetUp.empty())
      Into.SetUp = From.SetUp;
    if (!Into.OtherUse.valid())
      Into.OtherUse = From.OtherUse;
  }
  sortUnique(Into.LabelNames);
}

/// \p Into goes where \p From went: so do the places that set \p From again.
void absorbSetAgain(Metric &Into, const Metric &From) {
  Into.SetAgain.insert(Into.SetAgain.end(), From.SetAgain.begin(), From.SetAgain.end());
  Into.SetTwoWays = Into.SetTwoWays || From.SetTwoWays;
  if (Into.RuntimeRead.empty()) {
    Into.RuntimeRead = From.RuntimeRead;
    Into.RuntimeReadAt = From.RuntimeReadAt;
  }
  if (!Into.OtherUse.valid())
    Into.OtherUse = From.OtherUse;
}

/// Fields registered again under another field's name (Metric::SetAgain
/// with a declaration) are that metric: a TU that saw only their
/// declaration recorded them nameless.
void dropRegisteredAgain(std::map<std::string, Metric> &Metrics) {
  std::set<std::string> Again;
  for (const auto &[Field, M] : Metrics)
    for (const AlsoSet &A : M.SetAgain)
      if (A.FieldDecl.valid())
        Again.insert(A.Field);
  for (const std::string &Field : Again)
    Metrics.erase(Field);
}

/// A family field only there to take one child from, and recorded by no
/// method, is part of that child: it leaves the catalog, and the child
/// carries where it is declared and set up.
void foldFamilies(std::map<std::string, Metric> &Metrics,
                  const std::map<std::string, Wrapper> &Methods) {
  std::map<std::string, std::vector<Metric *>> Children;
  for (auto &[Field, M] : Metrics)
    if (M.Family)
      Children[M.Family->Field].push_back(&M);
  for (auto &[FamilyField, Taken] : Children) {
    const std::string &Family = FamilyField; // C++17 lambdas capture no bindings
    auto It = Metrics.find(Family);
    bool Recorded = llvm::any_of(Methods, [&](const auto &W) {
      return llvm::is_contained(W.second.Metrics, Family);
    });
    // A family whose series the constructor creates up front is more
    // than the child's source: it is grouped with it instead. One used
    // otherwise stays, and so does the child.
    if (Taken.size() != 1 || It == Metrics.end() || Recorded || !It->second.SetUp.empty() ||
        It->second.OtherUse.valid())
      continue;
    Metric &Child = *Taken.front();
    TakenFrom &From = *Child.Family;
    From.FieldDecl = It->second.FieldDecl;
    From.InitSite = It->second.InitSite;
    From.Init = It->second.Init;
    absorbSetAgain(Child, It->second);
    Metrics.erase(It);
  }
}

/// Two or more children taken from one family field into fields of their
/// own, or any taken from a family that methods also record through, whose
/// series the constructor creates up front or that it uses otherwise: they
/// join the family's Metric (one name, one plan), each to become a constant
/// of its own next to the family's.
void groupChildren(std::map<std::string, Metric> &Metrics,
                   const std::map<std::string, Wrapper> &Methods) {
  std::map<std::string, std::vector<std::string>> Taken;
  for (const auto &[Field, M] : Metrics)
    if (M.Family && !M.Family->FieldDecl.valid() && !M.Family->InitSite.valid()) // not folded
      Taken[M.Family->Field].push_back(Field);
  for (const auto &[FamilyField, Children] : Taken) {
    auto It = Metrics.find(FamilyField);
    if (It == Metrics.end())
      continue;
    Metric &Family = It->second;
    bool IsFamily = Family.Style == FieldStyle::FamilyRef || Family.Style == FieldStyle::FamilyPtr;
    const std::string &Field = FamilyField; // C++17 lambdas capture no bindings
    bool Recorded = llvm::any_of(Methods, [&](const auto &W) {
      return llvm::is_contained(W.second.Metrics, Field);
    });
    bool Plain = !Family.Name.empty() && llvm::all_of(Children, [&](const std::string &F) {
      const Metric &Child = Metrics.at(F);
      return Child.Name == Family.Name && Child.ChildArgs && Child.InitSite.valid();
    });
    if (!IsFamily ||
        (Children.size() < 2 && !Recorded && Family.SetUp.empty() && !Family.OtherUse.valid()) ||
        !Plain)
      continue;
    for (const std::string &F : Children) {
      const Metric &Child = Metrics.at(F);
      Family.Children.push_back({F, *Child.ChildArgs, Child.Style == FieldStyle::ChildPtr,
                                 Child.FieldDecl, Child.InitSite, Child.Init});
      Family.LabelNames.insert(Family.LabelNames.end(), Child.LabelNames.begin(),
                               Child.LabelNames.end());
      absorbSetAgain(Family, Child);
      Metrics.erase(F);
    }
    sortUnique(Family.LabelNames);
  }
}

void mergeWrapper(Wrapper &Into, const Wrapper &From) {
  if (!Into.Definition.valid() && From.Definition.valid()) {
    std::vector<Param> Params = Into.Params;
    Into = From;
    for (size_t I = 0; I < Params.size() && I < Into.Params.size(); ++I)
      if (Into.Params[I].Default.empty())
        Into.Params[I].Default = Params[I].Default;
    return;
  }
  for (size_t I = 0; I < From.Params.size() && I < Into.Params.size(); ++I)
    if (Into.Params[I].Default.empty())
      Into.Params[I].Default = From.Params[I].Default;
}

/// Field holes (`x_`) made metric holes (its Prometheus name).
BodyTemplate resolveFields(const BodyTemplate &Template,
                           const std::map<std::string, std::string> &FieldToName) {
  BodyTemplate Out;
  for (const TemplatePiece &Piece : Template) {
    if (Piece.K != TemplatePiece::Kind::Field) {
      Out.append(Piece);
      continue;
    }
    auto It = FieldToName.find(Piece.Value);
    Out.appendHole(TemplatePiece::Kind::Metric,
                   It != FieldToName.end() ? It->second : Piece.Value);
  }
  return Out;
}

/// Project files that only TUs including a test framework read: test code,
/// wherever it lives and whatever it is called.
std::set<std::string> testFiles(llvm::ArrayRef<TUFacts> Facts) {
  std::map<std::string, bool> OnlyTests;
  for (const TUFacts &TU : Facts)
    for (const std::string &File : TU.Scan.Files) {
      auto [It, New] = OnlyTests.emplace(File, TU.TestTU);
      It->second = It->second && TU.TestTU;
    }
  std::set<std::string> Out;
  for (const auto &[File, Only] : OnlyTests)
    if (Only)
      Out.insert(File);
  return Out;
}

/// A location as a map key: its file, offset and length.
using SpanKey = std::tuple<std::string, unsigned, unsigned>;
template <typename T> using BySpan = std::map<SpanKey, T>;

SpanKey spanKey(const SourceSpan &S) {
  return std::make_tuple(S.File, S.Offset, S.Length);
}

/// Appends the values of \p From, in key order, to \p To.
template <typename Map, typename T>
void appendValues(const Map &From, std::vector<T> &To) {
  for (const auto &[Key, Value] : From)
    To.push_back(Value);
}

/// Appends each element of \p From that \p To does not hold yet.
template <typename T>
void appendMissing(const std::vector<T> &From, std::vector<T> &To) {
  for (const T &Item : From)
    if (!llvm::is_contained(To, Item))
      To.push_back(Item);
}

/// A header's lambda seen by several TUs (each may instantiate other
/// templates): what any of them saw.
void mergeCapture(ThisCapture &Into, const ThisCapture &From) {
  Into.Fields.insert(Into.Fields.end(), From.Fields.begin(), From.Fields.end());
  Into.Methods.insert(Into.Methods.end(), From.Methods.begin(), From.Methods.end());
  Into.OtherUse = Into.OtherUse || From.OtherUse;
}

/// Joins the partial catalogs of the TUs, then resolves fields to metric
/// names and keeps only what concerns the wrappers.
class CatalogMerger {
public:
  /// Takes in what one parsed TU saw.
  void add(const TUFacts &TU) {
    if (TU.SawService)
      addService(TU.Partial.TheService);
    addEntities(TU.Partial);
  }

  bool sawService() const { return SawService; }

  /// The merged catalog; \p Tests are the project's test files.
  Catalog finish(const std::set<std::string> &Tests) {
    dropRegisteredAgain(Metrics);
    foldFamilies(Metrics, Methods);
    groupChildren(Metrics, Methods);
    takeMetrics();
    takeWrappers();
    takeSites(Tests);
    return std::move(C);
  }

private:
  /// The first TU's view of the service, completed by the others'.
  void addService(const Service &S) {
    if (!SawService) {
      C.TheService = S;
      SawService = true;
    }
    if (C.TheService.Source.empty())
      C.TheService.Source = S.Source;
    if (C.TheService.RegistryField.empty()) {
      C.TheService.RegistryField = S.RegistryField;
      C.TheService.RegistryInit = S.RegistryInit;
      C.TheService.RegistryParam = S.RegistryParam;
    }
    for (const LocalConstantSite &L : S.LocalConstants)
      ConstantSites.emplace(spanKey(L.Decl), L);
    // A destructor's body is seen only where it is defined.
    llvm::append_range(C.TheService.Effects, S.Effects);
  }

  /// Interfaces, metrics, wrappers, call sites, injection points and test
  /// doubles, each once.
  void addEntities(const Catalog &Partial) {
    for (const Interface &I : Partial.Interfaces)
      Interfaces.emplace(I.Name, I);
    for (const Metric &M : Partial.Metrics) {
      auto [It, New] = Metrics.emplace(M.Field, M);
      if (!New)
        mergeMetric(It->second, M);
    }
    for (const Wrapper &W : Partial.Wrappers) {
      auto [It, New] = Methods.emplace(W.Signature, W);
      if (!New)
        mergeWrapper(It->second, W);
    }
    for (const CallSite &CS : Partial.CallSites)
      Calls.emplace(spanKey(CS.Loc), CS);
    for (const InjectionPoint &IP : Partial.InjectionPoints)
      Points.emplace(std::make_tuple(IP.Loc.File, IP.Loc.Offset, IP.Loc.Length,
                                     static_cast<int>(IP.Kind)),
                     IP);
    for (const TestDouble &D : Partial.TestDoubles)
      Doubles.emplace(D.Name, D);
  }

  /// Moves the metrics into the catalog, sorted, and records the name (and
  /// the template hole) each field stands for.
  void takeMetrics() {
    // A grouped child records its family's metric, through its own hole.
    for (auto &[Field, M] : Metrics) {
      FieldToName[Field] = M.Name.empty() ? Field : M.Name;
      for (const ChildField &Ch : M.Children) {
        FieldToName[Ch.Field] = M.Name;
        FieldToHole[Ch.Field] = M.Name + "#" + Ch.Field;
      }
      for (const AlsoSet &A : M.SetAgain)
        FieldToName.try_emplace(A.Field, FieldToName[Field]);
      C.Metrics.push_back(M);
    }
    FieldToHole.insert(FieldToName.begin(), FieldToName.end());
    std::sort(C.Metrics.begin(), C.Metrics.end(), [](const Metric &A, const Metric &B) {
      return std::tie(A.Name, A.Field) < std::tie(B.Name, B.Field);
    });
  }

  /// Methods that record metrics become the catalog's wrappers, sorted; the
  /// others are kept as they are.
  void takeWrappers() {
    for (auto &[Sig, W] : Methods) {
      if (!W.Definition.valid() || W.Metrics.empty()) {
        C.TheService.KeptMethods.push_back(W.Name);
        continue;
      }
      resolveWrapperFields(W);
      WrapperSignatures.insert(Sig);
      WrapperNames.insert(W.Name);
      C.Wrappers.push_back(W);
    }
    sortUnique(C.TheService.KeptMethods);
    sortUnique(C.TheService.Effects);
    std::sort(C.Wrappers.begin(), C.Wrappers.end(), [](const Wrapper &A, const Wrapper &B) {
      return std::tie(A.Name, A.Signature) < std::tie(B.Name, B.Signature);
    });
  }

  /// The metrics, operations, template, recordings and guards of \p W name
  /// metrics instead of fields.
  void resolveWrapperFields(Wrapper &W) {
    for (std::string &M : W.Metrics)
      M = FieldToName.count(M) ? FieldToName[M] : M;
    sortUnique(W.Metrics);
    std::map<std::string, std::vector<std::string>> Operations;
    for (auto &[Field, Ops] : W.Operations) {
      std::vector<std::string> &Into =
          Operations[FieldToName.count(Field) ? FieldToName[Field] : Field];
      Into.insert(Into.end(), Ops.begin(), Ops.end());
      sortUnique(Into);
    }
    W.Operations = std::move(Operations);
    W.Template = resolveFields(W.Template, FieldToHole);
    for (BodyRecording &R : W.Recordings) {
      if (auto It = FieldToHole.find(R.Metric); It != FieldToHole.end())
        R.Metric = It->second;
      if (R.Labels)
        R.Labels = resolveFields(*R.Labels, FieldToHole);
      R.Value = resolveFields(R.Value, FieldToHole);
    }
    for (ReturnGuard &G : W.Guards) {
      G.Left = resolveFields(G.Left, FieldToHole);
      G.Right = resolveFields(G.Right, FieldToHole);
    }
  }

  /// Local constants, interfaces, calls to wrappers, injection points, and
  /// test doubles with only the wrappers among their methods.
  void takeSites(const std::set<std::string> &Tests) {
    C.TheService.LocalConstants.clear();
    appendValues(ConstantSites, C.TheService.LocalConstants);
    appendValues(Interfaces, C.Interfaces);
    // Test bodies calling methods of the service that are no wrappers.
    std::set<SpanKey> CallingMore;
    for (const auto &[Key, CS] : Calls)
      if (CS.ServiceTest.valid() && !WrapperSignatures.count(CS.Signature))
        CallingMore.insert(CS.ServiceTest.key());
    for (auto &[Key, CS] : Calls)
      if (WrapperSignatures.count(CS.Signature)) {
        CS.InTest = Tests.count(CS.Loc.File) > 0;
        CS.ServiceTestCallsMore = CS.ServiceTest.valid() && CallingMore.count(CS.ServiceTest.key());
        C.CallSites.push_back(CS);
      }
    appendValues(Points, C.InjectionPoints);
    for (auto &[Name, D] : Doubles) {
      TestDouble T = D;
      llvm::erase_if(T.Methods, [&](const std::string &M) { return !WrapperNames.count(M); });
      C.TestDoubles.push_back(T);
    }
  }

  Catalog C;
  bool SawService = false;
  std::map<std::string, Interface> Interfaces;
  std::map<std::string, Metric> Metrics;     ///< By field.
  std::map<std::string, Wrapper> Methods;    ///< By signature.
  BySpan<CallSite> Calls;
  std::map<std::tuple<std::string, unsigned, unsigned, int>, InjectionPoint> Points;
  std::map<std::string, TestDouble> Doubles; ///< By name.
  BySpan<LocalConstantSite> ConstantSites;
  /// The metric name, and the template hole, each field records.
  std::map<std::string, std::string> FieldToName, FieldToHole;
  std::set<std::string> WrapperSignatures, WrapperNames;
};

/// Joins the scan facts of the TUs: each location once, in order.
class ScanMerger {
public:
  explicit ScanMerger(llvm::ArrayRef<TUFacts> PerTU) : Tests(testFiles(PerTU)) {}

  /// Takes in what one parsed TU saw.
  void add(const Facts &F) {
    addCodeSites(F);
    addFileFacts(F);
    addTestSites(F);
  }

  /// The merged facts, every list sorted.
  Facts finish() {
    appendValues(Args, Out.ArgumentSites);
    appendValues(Values, Out.FunctionValues);
    appendValues(Forwards, Out.ForwardDeclarations);
    appendValues(InterfaceNames, Out.InterfaceMentions);
    appendValues(Inits, Out.MemberInits);
    appendValues(Guards, Out.NullGuards);
    for (auto &[K, T] : Captures) {
      sortUnique(T.Fields);
      sortUnique(T.Methods);
      Out.ThisCaptures.push_back(T);
    }
    for (auto &[K, V] : Vars) {
      sortUnique(V.Uses);
      Out.ServiceVars.push_back(V);
    }
    appendValues(Expects, Out.Expectations);
    appendValues(Mentions, Out.DoubleMentions);
    appendValues(Registrations, Out.Registrations);
    appendValues(Reads, Out.WallClockReads);
    appendValues(Conditionals, Out.ConditionalRegions);
    appendValues(Assertions, Out.ValueAssertions);
    appendValues(Expositions, Out.ExpositionAssertions);
    appendValues(Shapes, Out.RegistryShapeAssertions);
    appendValues(Failures, Out.RecordsBeforeFailure);
    llvm::sort(Out.GivenRegistries);
    llvm::sort(Out.ServiceNamespaceUses);
    llvm::sort(Out.RegistryHandOffs);
    Out.Files.assign(Files.begin(), Files.end());
    for (auto &[File, FileNames] : Names)
      Out.UpperSnakeNames[File].assign(FileNames.begin(), FileNames.end());
    return std::move(Out);
  }

private:
  /// Facts about the product's code, by location.
  void addCodeSites(const Facts &F) {
    for (const ArgumentSite &A : F.ArgumentSites)
      Args.emplace(std::make_tuple(A.Arg.File, A.Arg.Offset, A.Arg.Length, A.Callee), A);
    for (const FunctionValue &V : F.FunctionValues)
      Values.emplace(std::make_tuple(V.Loc.File, V.Loc.Offset, V.Loc.Length, V.Type), V);
    for (const MemberInit &I : F.MemberInits)
      Inits.emplace(spanKey(I.Init), I);
    for (const NullGuard &G : F.NullGuards)
      Guards.emplace(spanKey(G.If), G);
    for (const ThisCapture &T : F.ThisCaptures) {
      auto [It, New] = Captures.emplace(spanKey(T.Capture), T);
      if (!New)
        mergeCapture(It->second, T);
    }
    for (const ServiceVar &V : F.ServiceVars) {
      auto [It, New] = Vars.emplace(spanKey(V.Decl), V);
      if (!New) // a header's field is used from several TUs
        It->second.Uses.insert(It->second.Uses.end(), V.Uses.begin(), V.Uses.end());
    }
    for (const ForwardDeclaration &D : F.ForwardDeclarations)
      Forwards.emplace(spanKey(D.Decl), D);
    for (const InterfaceMention &M : F.InterfaceMentions)
      InterfaceNames.emplace(spanKey(M.Loc), M);
    // A test's own chains (on a private registry, or checking that a
    // metric is on the process-wide one) are not the project's metrics.
    for (const Registration &R : F.Registrations)
      if (!Tests.count(R.Loc.File))
        Registrations.emplace(spanKey(R.Loc), R);
    for (const WallClockRead &W : F.WallClockReads)
      Reads.emplace(spanKey(W.Loc), W);
    for (const ConditionalRegion &R : F.ConditionalRegions)
      Conditionals.emplace(spanKey(R.Branch), R);
  }

  /// The files, their names, registries and includes.
  void addFileFacts(const Facts &F) {
    Files.insert(F.Files.begin(), F.Files.end());
    for (const auto &[File, FileNames] : F.UpperSnakeNames)
      Names[File].insert(FileNames.begin(), FileNames.end());
    appendMissing(F.GivenRegistries, Out.GivenRegistries);
    appendMissing(F.RegistryHandOffs, Out.RegistryHandOffs);
    appendMissing(F.ServiceNamespaceUses, Out.ServiceNamespaceUses);
    for (const auto &[Root, Count] : F.IncludeRoots)
      Out.IncludeRoots[Root] += Count;
    // What resolves in every TU reading the file.
    for (const auto &[File, Folders] : F.SearchRoots) {
      auto [It, New] = Out.SearchRoots.emplace(File, Folders);
      if (!New)
        llvm::erase_if(It->second, [&, &Folders = Folders](const std::string &Root) {
          return !llvm::is_contained(Folders, Root);
        });
    }
    for (const auto &[File, Spelling] : F.IncludeSpellings) {
      auto [It, New] = Out.IncludeSpellings.emplace(File, Spelling);
      if (!New && Spelling < It->second)
        It->second = Spelling;
    }
  }

  /// Facts about the tests, by location.
  void addTestSites(const Facts &F) {
    for (const Expectation &E : F.Expectations)
      Expects.emplace(spanKey(E.Stmt), E);
    for (const DoubleMention &D : F.DoubleMentions)
      Mentions.emplace(spanKey(D.Decl), D);
    for (const ValueAssertion &A : F.ValueAssertions)
      Assertions.emplace(spanKey(A.Read), A);
    for (const ExpositionAssertion &A : F.ExpositionAssertions)
      Expositions.emplace(spanKey(A.Stmt), A);
    for (const RegistryShapeAssertion &A : F.RegistryShapeAssertions)
      Shapes.emplace(spanKey(A.Stmt), A);
    for (const RecordBeforeFailure &R : F.RecordsBeforeFailure)
      Failures.emplace(std::make_pair(spanKey(R.Record), spanKey(R.Failure)), R);
  }

  const std::set<std::string> Tests;
  Facts Out;
  // An argument of a template may be handed to one callee per instantiation.
  std::map<std::tuple<std::string, unsigned, unsigned, std::string>, ArgumentSite> Args;
  std::map<std::tuple<std::string, unsigned, unsigned, std::string>, FunctionValue> Values;
  BySpan<MemberInit> Inits;
  BySpan<NullGuard> Guards;
  BySpan<ThisCapture> Captures;
  std::set<std::string> Files;
  std::map<std::string, std::set<std::string>> Names; ///< Upper-snake names by file.
  BySpan<ServiceVar> Vars;
  BySpan<Expectation> Expects;
  BySpan<DoubleMention> Mentions;
  BySpan<Registration> Registrations;
  BySpan<WallClockRead> Reads;
  BySpan<ConditionalRegion> Conditionals;
  BySpan<ValueAssertion> Assertions;
  BySpan<ExpositionAssertion> Expositions;
  BySpan<RegistryShapeAssertion> Shapes;
  BySpan<ForwardDeclaration> Forwards;
  BySpan<InterfaceMention> InterfaceNames;
  std::map<std::pair<SpanKey, SpanKey>, RecordBeforeFailure> Failures;
};

} // namespace

llvm::Expected<Catalog> buildCatalog(llvm::ArrayRef<TUFacts> Facts,
                                     const Config &Cfg) {
  CatalogMerger Merger;
  for (const TUFacts &TU : Facts)
    if (TU.Parsed)
      Merger.add(TU);
  if (!Merger.sawService())
    return llvm::createStringError(
        llvm::inconvertibleErrorCode(),
        "%s:%u: error: service class '%s' is not defined in any translation "
        "unit of the compilation database",
        Cfg.Path.c_str(), Cfg.ServiceClassLine, Cfg.ServiceClass.c_str());
  return Merger.finish(testFiles(Facts));
}

Facts mergeScan(llvm::ArrayRef<TUFacts> PerTU) {
  ScanMerger Merger(PerTU);
  for (const TUFacts &TU : PerTU)
    if (TU.Parsed)
      Merger.add(TU.Scan);
  return Merger.finish();
}

} // namespace mm
