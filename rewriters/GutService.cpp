//===--- GutService.cpp - What leaves the service ------------------------===//
//
// From the service: the fields of moved metrics, their initializers
// (member-initializer list or constructor body) and the wrappers that were
// inlined or turned into helpers, declaration and definition, and the maps
// those wrappers kept children in. When no kept
// injection point uses the interface any more, the interface goes with its
// test doubles, and the service drops the base and its `override`s; a kept
// interface and its doubles lose only the methods that went. The metric
// headers no kind left in the service needs go last (dropMetricHeaders).
// The polling part and everything else the service owns stays.
//
//===----------------------------------------------------------------------===//

#include "core/TextEdits.h"
#include "rewriters/RewriteContext.h"

#include "llvm/ADT/StringExtras.h"

namespace mm {

namespace {

struct Removals {
  std::map<std::string, std::vector<std::pair<unsigned, unsigned>>> ByFile;

  void add(RewriteContext &Ctx, const std::string &File, std::pair<unsigned, unsigned> R,
           const std::string &Origin) {
    ByFile[File].push_back(R);
    Ctx.edit(File, R.first, R.second, "", Origin);
  }
  /// Removes the declaration at \p S, as whole lines with its comment.
  llvm::Error remove(RewriteContext &Ctx, const SourceSpan &S, const std::string &Origin) {
    auto Text = Ctx.text(S.File);
    if (!Text)
      return Text.takeError();
    add(Ctx, S.File, declarationLines(*Text, S.Offset, S.Length), Origin);
    return llvm::Error::success();
  }
  bool covers(const std::string &File, unsigned Offset) const {
    auto It = ByFile.find(File);
    if (It == ByFile.end())
      return false;
    return llvm::any_of(It->second, [&](const auto &R) {
      return Offset >= R.first && Offset < R.first + R.second;
    });
  }
};

/// Drops \p Include from \p File unless another rule needs it there (the
/// service's file can also own a moved metric).
void dropInclude(RewriteContext &Ctx, const std::string &File, const std::string &Include) {
  if (File.empty())
    return;
  FileChange &Change = Ctx.Result.Edits.file(File);
  if (!llvm::is_contained(Change.AddIncludes, Include))
    Change.RemoveIncludes.push_back(Include);
}

/// `prometheus::Histogram::` and friends.
std::string nestedNamePrefix(MetricKind K) {
  switch (K) {
  case MetricKind::Counter: return "prometheus::Counter::";
  case MetricKind::Gauge: return "prometheus::Gauge::";
  case MetricKind::Histogram: return "prometheus::Histogram::";
  case MetricKind::Summary: return "prometheus::Summary::";
  }
  return "prometheus::Counter::";
}

/// \p Kept with every interface a kept one derives from: a class head
/// cannot name a base that went.
llvm::Expected<std::set<std::string>> withKeptBases(RewriteContext &Ctx,
                                                    std::set<std::string> Kept) {
  const Catalog &C = Ctx.C;
  for (bool Changed = true; Changed;) {
    Changed = false;
    for (const Interface &I : C.Interfaces) {
      if (!Kept.count(I.Name))
        continue;
      auto Text = Ctx.text(I.Loc.File);
      if (!Text)
        return Text.takeError();
      llvm::StringRef Class = llvm::StringRef(*Text).substr(I.Loc.Offset, I.Loc.Length);
      llvm::StringRef Head = Class.take_front(Class.find('{'));
      for (const Interface &Base : C.Interfaces) {
        llvm::StringRef Short = llvm::StringRef(Base.Name).rsplit("::").second;
        if (Short.empty())
          Short = Base.Name;
        if (!Kept.count(Base.Name) && containsWord(Head, Short))
          Changed = Kept.insert(Base.Name).second || Changed;
      }
    }
  }
  return Kept;
}

/// True when \p At lies in text an edit so far removes or replaces with text
/// that does not name \p Name.
bool editedAway(const RewriteContext &Ctx, const SourceSpan &At, llvm::StringRef Name) {
  auto It = Ctx.Result.Edits.Files.find(At.File);
  if (It == Ctx.Result.Edits.Files.end())
    return false;
  return llvm::any_of(It->second.Edits, [&](const Edit &E) {
    return E.Length > 0 && E.Offset <= At.Offset && At.Offset + At.Length <= E.Offset + E.Length &&
           !containsWord(E.Text, Name);
  });
}

/// The interfaces outside \p Kept that something still names (a nested
/// enum, a constant, a static method: InterfaceMention) outside the text the
/// migration removes, their doubles included when they go.
std::set<std::string> stillNamed(const RewriteContext &Ctx, const std::set<std::string> &Kept) {
  std::vector<SourceSpan> DoublesGoing;
  for (const TestDouble &D : Ctx.C.TestDoubles)
    if (!Kept.count(D.Base))
      DoublesGoing.push_back(D.Loc);
  std::set<std::string> Out;
  for (const InterfaceMention &M : Ctx.F.InterfaceMentions) {
    if (Kept.count(M.Interface) || Out.count(M.Interface))
      continue;
    bool InDouble =
        llvm::any_of(DoublesGoing, [&](const SourceSpan &D) { return D.contains(M.Loc); });
    if (!InDouble && !editedAway(Ctx, M.Loc, M.Name))
      Out.insert(M.Interface);
  }
  return Out;
}

} // namespace

llvm::Error dropMetricHeaders(RewriteContext &Ctx) {
  std::map<std::string, const Metric *> ByName;
  for (const Metric &M : Ctx.C.Metrics)
    ByName[M.Name] = &M;
  // Metric headers of kinds the service no longer holds.
  std::set<MetricKind> Remaining, Moved;
  for (const MetricPlan &MP : Ctx.P.Metrics) {
    if (MP.Fate == MetricFate::Kept || MP.Fate == MetricFate::Dead)
      Remaining.insert(ByName.at(MP.Name)->Kind);
    else
      Moved.insert(ByName.at(MP.Name)->Kind);
  }
  // A field whose name could not be read stays, metric or not.
  for (const Metric &M : Ctx.C.Metrics)
    if (M.Name.empty())
      Remaining.insert(M.Kind);
  // A nested name (`prometheus::Histogram::BucketBoundaries`) left in the
  // service's source still needs its header.
  std::string SourceText;
  if (!Ctx.C.TheService.Source.empty()) {
    auto Text = Ctx.text(Ctx.C.TheService.Source);
    if (!Text)
      return Text.takeError();
    // As it will be: with this run's edits applied.
    SourceText = applyWithin(*Text, 0, Text->size(),
                             Ctx.Result.Edits.file(Ctx.C.TheService.Source).Edits);
  }
  for (MetricKind K : {MetricKind::Counter, MetricKind::Gauge, MetricKind::Histogram,
                       MetricKind::Summary})
    if (Moved.count(K) && !Remaining.count(K) &&
        !llvm::StringRef(SourceText).contains(nestedNamePrefix(K)))
      for (const std::string &File : {Ctx.C.TheService.Header, Ctx.C.TheService.Source})
        dropInclude(Ctx, File, kindHeader(K));
  if (Remaining.empty() && !Moved.empty())
    for (const std::string &File : {Ctx.C.TheService.Header, Ctx.C.TheService.Source})
      dropInclude(Ctx, File, "<prometheus/family.h>");

  return llvm::Error::success();
}

namespace {

/// The fields of the metrics that move, their set-up, those of the family
/// or children folded into them, and every other place setting them.
llvm::Error removeMovedMetrics(RewriteContext &Ctx, Removals &Gone) {
  const Catalog &C = Ctx.C;
  std::map<std::string, const Metric *> ByName;
  for (const Metric &M : C.Metrics)
    ByName[M.Name] = &M;
  for (const MetricPlan &MP : Ctx.P.Metrics) {
    if (MP.Fate != MetricFate::Moved && MP.Fate != MetricFate::Shared)
      continue;
    const Metric &M = *ByName.at(MP.Name);
    // The field, its set-up, those of the family it was taken from when
    // the catalog folded that into it, those of the children grouped into
    // it, and every other place setting the same family or child.
    TakenFrom Own{M.Field, M.FieldDecl, M.InitSite, M.Init};
    std::vector<TakenFrom> Goes = {Own};
    // (A family held in a local of the constructor has no field, only its
    // declaration.)
    if (M.Family && (M.Family->FieldDecl.valid() || M.Family->InitSite.valid()))
      Goes.push_back(*M.Family);
    for (const ChildField &Ch : M.Children)
      Goes.push_back({Ch.Field, Ch.FieldDecl, Ch.InitSite, Ch.Init});
    for (const AlsoSet &A : M.SetAgain)
      Goes.push_back({A.Field, A.FieldDecl, A.InitSite, A.Init});
    for (const TakenFrom &G : Goes) {
      if (G.FieldDecl.valid())
        if (llvm::Error E = Gone.remove(Ctx, G.FieldDecl, "field " + G.Field + " moves out"))
          return E;
      if (!G.InitSite.valid())
        continue;
      auto Text = Ctx.text(G.InitSite.File);
      if (!Text)
        return Text.takeError();
      std::string Origin = "initializer of " + G.Field + " moves out";
      if (G.Init == InitStyle::MemberInitializer)
        Gone.add(Ctx, G.InitSite.File,
                 listElement(*Text, G.InitSite.Offset, G.InitSite.Length), Origin);
      else if (llvm::Error E = Gone.remove(Ctx, G.InitSite, Origin))
        return E;
    }
    // The series it created up front are created where it is defined now.
    for (const SetUpStatement &S : M.SetUp)
      if (llvm::Error E = Gone.remove(Ctx, S.Site, "series of " + M.Field + " created up front move out"))
        return E;
  }
  return llvm::Error::success();
}

/// The wrappers that go; a map a wrapper kept its children in goes when
/// every wrapper using it does: nothing else of the service names it
/// (CachedChild.h).
llvm::Error removeWrappers(RewriteContext &Ctx, Removals &Gone) {
  const Catalog &C = Ctx.C;
  std::map<std::string, SourceSpan> Caches;
  std::set<std::string> CachesKept;
  for (const Wrapper &W : C.Wrappers) {
    const WrapperPlan *WP = Ctx.P.wrapper(W.Signature);
    bool Goes = WP && WP->Fate != WrapperFate::Keep;
    for (const CacheField &Cache : W.DroppedCaches) {
      Caches.emplace(Cache.Field, Cache.Decl);
      if (!Goes)
        CachesKept.insert(Cache.Field);
    }
    if (!Goes)
      continue;
    if (llvm::Error E = Gone.remove(Ctx, W.Decl, "wrapper " + W.Name + " goes"))
      return E;
    if (W.Definition.valid() && !(W.Definition == W.Decl))
      if (llvm::Error E = Gone.remove(Ctx, W.Definition, "wrapper " + W.Name + " goes"))
        return E;
  }
  for (const auto &[Field, Decl] : Caches)
    if (!CachesKept.count(Field) && Decl.valid())
      if (llvm::Error E = Gone.remove(Ctx, Decl, "cache " + Field + " is no longer filled or read"))
        return E;
  return llvm::Error::success();
}

/// The interfaces go when nothing kept still names them, with their
/// doubles; a kept one and its doubles lose the wrappers that went. Whether
/// one of the service's bases went.
llvm::Expected<bool> removeInterfaces(RewriteContext &Ctx, Removals &Gone) {
  const Catalog &C = Ctx.C;
  std::set<std::string> StillUsed;
  for (const InjectionPoint &IP : Ctx.P.Keep)
    StillUsed.insert(IP.Interface);
  auto Closure = withKeptBases(Ctx, StillUsed);
  if (!Closure)
    return Closure.takeError();
  // Their doubles go with the injection, but an interface stays for a name it
  // declares that is still used (`StatsSink::Outcome::Accepted`).
  const std::set<std::string> DoublesStay = *Closure;
  std::set<std::string> Named = DoublesStay;
  for (const std::string &Name : stillNamed(Ctx, DoublesStay))
    Named.insert(Name);
  auto Stays = withKeptBases(Ctx, Named);
  if (!Stays)
    return Stays.takeError();

  bool DroppedBase = false;
  for (const Interface &I : C.Interfaces) {
    if (Stays->count(I.Name)) {
      // A kept interface and its doubles lose the wrappers that went.
      auto Goes = [&](const MethodDecl &M) {
        const WrapperPlan *WP = Ctx.P.wrapper(M.Signature);
        return WP && WP->Fate != WrapperFate::Keep;
      };
      for (const MethodDecl &M : I.Methods)
        if (Goes(M))
          if (llvm::Error E = Gone.remove(Ctx, M.Loc, "interface method " + M.Signature + " goes"))
            return E;
      for (const TestDouble &D : C.TestDoubles) {
        if (D.Base != I.Name)
          continue;
        if (!DoublesStay.count(I.Name)) {
          if (llvm::Error E = Gone.remove(Ctx, D.Loc, "test double " + D.Name + " goes"))
            return E;
          continue;
        }
        for (const MethodDecl &M : D.Decls)
          if (Goes(M))
            if (llvm::Error E = Gone.remove(Ctx, M.Loc, D.Name + "'s " + M.Signature + " goes"))
              return E;
      }
      continue;
    }
    if (llvm::Error E = Gone.remove(Ctx, I.Loc, "interface " + I.Name + " goes"))
      return E;
    DroppedBase = true;
    for (const TestDouble &D : C.TestDoubles)
      if (D.Base == I.Name)
        if (llvm::Error E = Gone.remove(Ctx, D.Loc, "test double " + D.Name + " goes"))
          return E;
  }
  return DroppedBase;
}

/// The service's class head without the interface, and its `override`s
/// gone, once a base it implemented went.
llvm::Error dropBaseFromClassHead(RewriteContext &Ctx, const Removals &Gone) {
  const Catalog &C = Ctx.C;
  const SourceSpan &S = C.TheService.Loc;
  auto Text = Ctx.text(S.File);
  if (!Text)
    return Text.takeError();
  // Read by its tokens: `::` is no base clause, and a comment or string
  // saying `override` is no specifier.
  llvm::StringRef Class = llvm::StringRef(*Text).substr(S.Offset, S.Length);
  std::vector<RawToken> Tokens = rawTokens(Class);
  auto Body = llvm::find_if(Tokens, [](const RawToken &T) { return T.is(clang::tok::l_brace); });
  unsigned Brace = Body == Tokens.end() ? Class.size() : Body->Offset;
  auto Head = llvm::make_range(Tokens.begin(), Body);
  auto Colon = llvm::find_if(Head, [](const RawToken &T) { return T.is(clang::tok::colon); });
  bool OneBase = llvm::none_of(Head, [](const RawToken &T) { return T.is(clang::tok::comma); });
  if (Colon != Body && OneBase) {
    unsigned Begin = S.Offset + Colon->Offset;
    while (Begin > S.Offset && (*Text)[Begin - 1] == ' ')
      --Begin;
    unsigned End = S.Offset + Brace;
    Ctx.edit(S.File, Begin, End - Begin, " ", "the service no longer implements an interface");
  } else if (Colon != Body) {
    Ctx.manual(S, "remove the interface from " + C.TheService.Name + "'s bases",
               "the class has several bases", LeftBecause::Interface);
  }
  for (const RawToken &T : llvm::make_range(Body, Tokens.end())) {
    unsigned Pos = S.Offset + T.Offset;
    if (!T.isWord("override") || Gone.covers(S.File, Pos))
      continue;
    unsigned Begin = Pos;
    while (Begin > 0 && (*Text)[Begin - 1] == ' ')
      --Begin;
    Ctx.edit(S.File, Begin, Pos + 8 - Begin, "", "no base left to override");
  }
  return llvm::Error::success();
}

} // namespace

llvm::Error gutService(RewriteContext &Ctx) {
  Removals Gone;
  if (llvm::Error E = removeMovedMetrics(Ctx, Gone))
    return E;
  if (llvm::Error E = removeWrappers(Ctx, Gone))
    return E;
  llvm::Expected<bool> DroppedBase = removeInterfaces(Ctx, Gone);
  if (!DroppedBase)
    return DroppedBase.takeError();
  if (!*DroppedBase)
    return llvm::Error::success();
  return dropBaseFromClassHead(Ctx, Gone);
}

} // namespace mm
