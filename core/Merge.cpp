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

} // namespace

llvm::Expected<Catalog> buildCatalog(llvm::ArrayRef<TUFacts> Facts,
                                     const Config &Cfg) {
  Catalog C;
  bool Found = false;
  std::map<std::string, Interface> Interfaces;
  std::map<std::string, Metric> Metrics;
  std::map<std::string, Wrapper> Methods;
  std::map<std::tuple<std::string, unsigned, unsigned>, CallSite> Calls;
  std::map<std::tuple<std::string, unsigned, unsigned, int>, InjectionPoint> Points;
  std::map<std::string, TestDouble> Doubles;
  std::map<std::tuple<std::string, unsigned, unsigned>, LocalConstantSite> ConstantSites;

  for (const TUFacts &TU : Facts) {
    if (!TU.Parsed)
      continue;
    const Catalog &P = TU.Partial;
    if (TU.SawService) {
      if (!Found) {
        C.TheService = P.TheService;
        Found = true;
      }
      if (C.TheService.Source.empty())
        C.TheService.Source = P.TheService.Source;
      if (C.TheService.RegistryField.empty()) {
        C.TheService.RegistryField = P.TheService.RegistryField;
        C.TheService.RegistryInit = P.TheService.RegistryInit;
        C.TheService.RegistryParam = P.TheService.RegistryParam;
      }
      for (const LocalConstantSite &L : P.TheService.LocalConstants)
        ConstantSites.emplace(std::make_tuple(L.Decl.File, L.Decl.Offset, L.Decl.Length), L);
      // A destructor's body is seen only where it is defined.
      llvm::append_range(C.TheService.Effects, P.TheService.Effects);
    }
    for (const Interface &I : P.Interfaces)
      Interfaces.emplace(I.Name, I);
    for (const Metric &M : P.Metrics) {
      auto [It, New] = Metrics.emplace(M.Field, M);
      if (!New)
        mergeMetric(It->second, M);
    }
    for (const Wrapper &W : P.Wrappers) {
      auto [It, New] = Methods.emplace(W.Signature, W);
      if (!New)
        mergeWrapper(It->second, W);
    }
    for (const CallSite &CS : P.CallSites)
      Calls.emplace(std::make_tuple(CS.Loc.File, CS.Loc.Offset, CS.Loc.Length), CS);
    for (const InjectionPoint &IP : P.InjectionPoints)
      Points.emplace(std::make_tuple(IP.Loc.File, IP.Loc.Offset, IP.Loc.Length,
                                     static_cast<int>(IP.Kind)),
                     IP);
    for (const TestDouble &D : P.TestDoubles)
      Doubles.emplace(D.Name, D);
  }

  if (!Found)
    return llvm::createStringError(
        llvm::inconvertibleErrorCode(),
        "%s:%u: error: service class '%s' is not defined in any translation "
        "unit of the compilation database",
        Cfg.Path.c_str(), Cfg.ServiceClassLine, Cfg.ServiceClass.c_str());

  dropRegisteredAgain(Metrics);
  foldFamilies(Metrics, Methods);
  groupChildren(Metrics, Methods);

  // A grouped child records its family's metric, through its own hole.
  std::map<std::string, std::string> FieldToName, FieldToHole;
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

  std::set<std::string> WrapperSignatures, WrapperNames;
  for (auto &[Sig, W] : Methods) {
    if (!W.Definition.valid() || W.Metrics.empty()) {
      C.TheService.KeptMethods.push_back(W.Name);
      continue;
    }
    for (std::string &M : W.Metrics)
      M = FieldToName.count(M) ? FieldToName[M] : M;
    sortUnique(W.Metrics);
    std::map<std::string, std::vector<std::string>> Operations;
    for (auto &[Field, Ops] : W.Operations) {
      std::vector<std::string> &Into = Operations[FieldToName.count(Field) ? FieldToName[Field] : Field];
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
    WrapperSignatures.insert(Sig);
    WrapperNames.insert(W.Name);
    C.Wrappers.push_back(W);
  }
  sortUnique(C.TheService.KeptMethods);
  sortUnique(C.TheService.Effects);
  std::sort(C.Wrappers.begin(), C.Wrappers.end(), [](const Wrapper &A, const Wrapper &B) {
    return std::tie(A.Name, A.Signature) < std::tie(B.Name, B.Signature);
  });

  C.TheService.LocalConstants.clear();
  for (auto &[Key, L] : ConstantSites)
    C.TheService.LocalConstants.push_back(L);
  for (auto &[Name, I] : Interfaces)
    C.Interfaces.push_back(I);
  std::set<std::string> Tests = testFiles(Facts);
  // Test bodies calling methods of the service that are no wrappers.
  std::set<std::tuple<std::string, unsigned, unsigned>> CallingMore;
  for (const auto &[Key, CS] : Calls)
    if (CS.ServiceTest.valid() && !WrapperSignatures.count(CS.Signature))
      CallingMore.insert(CS.ServiceTest.key());
  for (auto &[Key, CS] : Calls)
    if (WrapperSignatures.count(CS.Signature)) {
      CS.InTest = Tests.count(CS.Loc.File) > 0;
      CS.ServiceTestCallsMore = CS.ServiceTest.valid() && CallingMore.count(CS.ServiceTest.key());
      C.CallSites.push_back(CS);
    }
  for (auto &[Key, IP] : Points)
    C.InjectionPoints.push_back(IP);
  for (auto &[Name, D] : Doubles) {
    TestDouble T = D;
    llvm::erase_if(T.Methods, [&](const std::string &M) { return !WrapperNames.count(M); });
    C.TestDoubles.push_back(T);
  }
  return C;
}

Facts mergeScan(llvm::ArrayRef<TUFacts> PerTU) {
  Facts Out;
  std::set<std::string> Tests = testFiles(PerTU);
  // An argument of a template may be handed to one callee per instantiation.
  std::map<std::tuple<std::string, unsigned, unsigned, std::string>, ArgumentSite> Args;
  std::map<std::tuple<std::string, unsigned, unsigned, std::string>, FunctionValue> Values;
  std::map<std::tuple<std::string, unsigned, unsigned>, MemberInit> Inits;
  std::map<std::tuple<std::string, unsigned, unsigned>, NullGuard> Guards;
  std::map<std::tuple<std::string, unsigned, unsigned>, ThisCapture> Captures;
  std::set<std::string> Files;
  std::map<std::string, std::set<std::string>> Names;
  std::map<std::tuple<std::string, unsigned, unsigned>, ServiceVar> Vars;
  std::map<std::tuple<std::string, unsigned, unsigned>, Expectation> Expects;
  std::map<std::tuple<std::string, unsigned, unsigned>, DoubleMention> Mentions;
  std::map<std::tuple<std::string, unsigned, unsigned>, Registration> Registrations;
  std::map<std::tuple<std::string, unsigned, unsigned>, WallClockRead> Reads;
  std::map<std::tuple<std::string, unsigned, unsigned>, ConditionalRegion> Conditionals;
  std::map<std::tuple<std::string, unsigned, unsigned>, ValueAssertion> Assertions;
  std::map<std::tuple<std::string, unsigned, unsigned>, ExpositionAssertion> Expositions;
  std::map<std::tuple<std::string, unsigned, unsigned>, RegistryShapeAssertion> Shapes;
  std::map<std::tuple<std::string, unsigned, unsigned>, ForwardDeclaration> Forwards;
  std::map<std::tuple<std::string, unsigned, unsigned>, InterfaceMention> InterfaceNames;
  std::map<std::pair<std::tuple<std::string, unsigned, unsigned>,
                     std::tuple<std::string, unsigned, unsigned>>,
           RecordBeforeFailure>
      Failures;
  for (const TUFacts &TU : PerTU) {
    if (!TU.Parsed)
      continue;
    const Facts &F = TU.Scan;
    for (const ArgumentSite &A : F.ArgumentSites)
      Args.emplace(std::make_tuple(A.Arg.File, A.Arg.Offset, A.Arg.Length, A.Callee), A);
    for (const FunctionValue &V : F.FunctionValues)
      Values.emplace(std::make_tuple(V.Loc.File, V.Loc.Offset, V.Loc.Length, V.Type), V);
    for (const MemberInit &I : F.MemberInits)
      Inits.emplace(std::make_tuple(I.Init.File, I.Init.Offset, I.Init.Length), I);
    for (const NullGuard &G : F.NullGuards)
      Guards.emplace(std::make_tuple(G.If.File, G.If.Offset, G.If.Length), G);
    for (const ThisCapture &T : F.ThisCaptures) {
      auto [It, New] = Captures.emplace(
          std::make_tuple(T.Capture.File, T.Capture.Offset, T.Capture.Length), T);
      if (New)
        continue;
      // A header's lambda seen by several TUs (each may instantiate other
      // templates): what any of them saw.
      ThisCapture &Into = It->second;
      Into.Fields.insert(Into.Fields.end(), T.Fields.begin(), T.Fields.end());
      Into.Methods.insert(Into.Methods.end(), T.Methods.begin(), T.Methods.end());
      Into.OtherUse = Into.OtherUse || T.OtherUse;
    }
    Files.insert(F.Files.begin(), F.Files.end());
    for (const ServiceVar &V : F.ServiceVars) {
      auto [It, New] = Vars.emplace(std::make_tuple(V.Decl.File, V.Decl.Offset, V.Decl.Length), V);
      if (!New) // a header's field is used from several TUs
        It->second.Uses.insert(It->second.Uses.end(), V.Uses.begin(), V.Uses.end());
    }
    for (const Expectation &E : F.Expectations)
      Expects.emplace(std::make_tuple(E.Stmt.File, E.Stmt.Offset, E.Stmt.Length), E);
    for (const DoubleMention &D : F.DoubleMentions)
      Mentions.emplace(std::make_tuple(D.Decl.File, D.Decl.Offset, D.Decl.Length), D);
    for (const auto &[File, FileNames] : F.UpperSnakeNames)
      Names[File].insert(FileNames.begin(), FileNames.end());
    for (const SourceSpan &R : F.GivenRegistries)
      if (!llvm::is_contained(Out.GivenRegistries, R))
        Out.GivenRegistries.push_back(R);
    for (const RegistryHandOff &R : F.RegistryHandOffs)
      if (!llvm::is_contained(Out.RegistryHandOffs, R))
        Out.RegistryHandOffs.push_back(R);
    for (const ForwardDeclaration &D : F.ForwardDeclarations)
      Forwards.emplace(std::make_tuple(D.Decl.File, D.Decl.Offset, D.Decl.Length), D);
    for (const InterfaceMention &M : F.InterfaceMentions)
      InterfaceNames.emplace(std::make_tuple(M.Loc.File, M.Loc.Offset, M.Loc.Length), M);
    for (const SourceSpan &U : F.ServiceNamespaceUses)
      if (!llvm::is_contained(Out.ServiceNamespaceUses, U))
        Out.ServiceNamespaceUses.push_back(U);
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
    // A test's own chains (on a private registry, or checking that a
    // metric is on the process-wide one) are not the project's metrics.
    for (const Registration &R : F.Registrations)
      if (!Tests.count(R.Loc.File))
        Registrations.emplace(std::make_tuple(R.Loc.File, R.Loc.Offset, R.Loc.Length), R);
    for (const WallClockRead &W : F.WallClockReads)
      Reads.emplace(std::make_tuple(W.Loc.File, W.Loc.Offset, W.Loc.Length), W);
    for (const ConditionalRegion &R : F.ConditionalRegions)
      Conditionals.emplace(std::make_tuple(R.Branch.File, R.Branch.Offset, R.Branch.Length), R);
    for (const ValueAssertion &A : F.ValueAssertions)
      Assertions.emplace(std::make_tuple(A.Read.File, A.Read.Offset, A.Read.Length), A);
    for (const ExpositionAssertion &A : F.ExpositionAssertions)
      Expositions.emplace(std::make_tuple(A.Stmt.File, A.Stmt.Offset, A.Stmt.Length), A);
    for (const RegistryShapeAssertion &A : F.RegistryShapeAssertions)
      Shapes.emplace(std::make_tuple(A.Stmt.File, A.Stmt.Offset, A.Stmt.Length), A);
    for (const RecordBeforeFailure &R : F.RecordsBeforeFailure)
      Failures.emplace(
          std::make_pair(std::make_tuple(R.Record.File, R.Record.Offset, R.Record.Length),
                         std::make_tuple(R.Failure.File, R.Failure.Offset, R.Failure.Length)),
          R);
  }
  for (auto &[K, A] : Args)
    Out.ArgumentSites.push_back(A);
  for (auto &[K, V] : Values)
    Out.FunctionValues.push_back(V);
  for (auto &[K, D] : Forwards)
    Out.ForwardDeclarations.push_back(D);
  for (auto &[K, M] : InterfaceNames)
    Out.InterfaceMentions.push_back(M);
  for (auto &[K, I] : Inits)
    Out.MemberInits.push_back(I);
  for (auto &[K, G] : Guards)
    Out.NullGuards.push_back(G);
  for (auto &[K, T] : Captures) {
    sortUnique(T.Fields);
    sortUnique(T.Methods);
    Out.ThisCaptures.push_back(T);
  }
  for (auto &[K, V] : Vars) {
    std::sort(V.Uses.begin(), V.Uses.end());
    V.Uses.erase(std::unique(V.Uses.begin(), V.Uses.end()), V.Uses.end());
    Out.ServiceVars.push_back(V);
  }
  for (auto &[K, E] : Expects)
    Out.Expectations.push_back(E);
  for (auto &[K, D] : Mentions)
    Out.DoubleMentions.push_back(D);
  for (auto &[K, R] : Registrations)
    Out.Registrations.push_back(R);
  for (auto &[K, W] : Reads)
    Out.WallClockReads.push_back(W);
  for (auto &[K, R] : Conditionals)
    Out.ConditionalRegions.push_back(R);
  for (auto &[K, A] : Assertions)
    Out.ValueAssertions.push_back(A);
  for (auto &[K, A] : Expositions)
    Out.ExpositionAssertions.push_back(A);
  for (auto &[K, A] : Shapes)
    Out.RegistryShapeAssertions.push_back(A);
  for (auto &[K, R] : Failures)
    Out.RecordsBeforeFailure.push_back(R);
  llvm::sort(Out.GivenRegistries);
  llvm::sort(Out.ServiceNamespaceUses);
  llvm::sort(Out.RegistryHandOffs);
  Out.Files.assign(Files.begin(), Files.end());
  for (auto &[File, FileNames] : Names)
    Out.UpperSnakeNames[File].assign(FileNames.begin(), FileNames.end());
  return Out;
}

} // namespace mm
