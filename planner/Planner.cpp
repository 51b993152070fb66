//===--- Planner.cpp - Catalog + Facts -> Plan ----------------------------===//

#include "planner/Planner.h"

#include "core/TextEdits.h"

#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/Path.h"

#include <algorithm>
#include <map>
#include <set>

namespace mm {

llvm::StringRef toString(MetricFate F) {
  switch (F) {
  case MetricFate::Moved: return "moved";
  case MetricFate::Shared: return "shared";
  case MetricFate::Kept: return "kept";
  case MetricFate::Dead: return "dead";
  }
  return "moved";
}

llvm::StringRef toString(WrapperFate F) {
  switch (F) {
  case WrapperFate::Inline: return "inline";
  case WrapperFate::Helper: return "helper";
  case WrapperFate::Keep: return "keep";
  }
  return "keep";
}

const MetricPlan *Plan::metric(llvm::StringRef Name) const {
  for (const MetricPlan &M : Metrics)
    if (M.Name == Name)
      return &M;
  return nullptr;
}

const WrapperPlan *Plan::wrapper(llvm::StringRef Signature) const {
  for (const WrapperPlan &W : Wrappers)
    if (W.Signature == Signature)
      return &W;
  return nullptr;
}

std::string constantName(llvm::StringRef PrometheusName) {
  std::string Out;
  for (char C : PrometheusName)
    Out += llvm::isAlnum(C) ? llvm::toUpper(C) : '_';
  if (!Out.empty() && llvm::isDigit(Out[0]))
    Out.insert(0, "M_");
  return Out;
}

std::string fillTemplate(llvm::StringRef T, const Plan &P,
                         const std::map<std::string, std::string> &Args) {
  std::string Out;
  while (!T.empty()) {
    size_t Dollar = T.find('$');
    Out += T.take_front(Dollar);
    if (Dollar == llvm::StringRef::npos)
      break;
    T = T.drop_front(Dollar);
    if (T.starts_with("$$")) {
      Out += '$';
      T = T.drop_front(2);
      continue;
    }
    size_t End = T.find('}');
    llvm::StringRef Hole = T.slice(2, End); // kind:name
    T = T.drop_front(End + 1);
    auto [Kind, Name] = Hole.split(':');
    if (Kind == "param") {
      auto It = Args.find(Name.str());
      std::string Arg = It != Args.end() ? It->second : Name.str();
      if (needsParens(Arg, Out, T))
        Arg = "(" + Arg + ")";
      Out += Arg;
    } else if (const MetricPlan *M = P.metric(Name)) {
      Out += M->Constant;
      if (M->Pointer && T.starts_with("->")) {
        Out += '.';
        T = T.drop_front(2);
      }
    } else {
      Out += Name;
    }
  }
  return Out;
}

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

/// The builder chain with its registry argument replaced.
std::string rebuiltChain(const Metric &M, llvm::StringRef Registry) {
  llvm::StringRef Chain = M.BuilderChain;
  size_t Reg = Chain.rfind(".Register(");
  std::string Out = Chain.take_front(Reg).str() + ".Register(" + Registry.str() + ")";
  if (M.ChildArgs && M.Style != FieldStyle::FamilyRef && M.Style != FieldStyle::FamilyPtr)
    Out += ".Add(" + *M.ChildArgs + ")";
  return Out;
}

} // namespace

Plan makePlan(const Catalog &C, const Facts &F, const Config &Cfg) {
  Plan P;
  P.RegistryExpr = Cfg.Registry.Expr;
  P.RegistryHeader = Cfg.Registry.Header;
  std::set<std::string> Files(F.Files.begin(), F.Files.end());
  P.WriteRegistryHeader = !Files.count(Cfg.Registry.Header);

  // Production call sites per metric and module.
  std::map<std::string, const Wrapper *> BySignature;
  for (const Wrapper &W : C.Wrappers)
    BySignature[W.Signature] = &W;
  std::map<std::string, std::map<std::string, unsigned>> SitesPerModule;
  std::map<std::string, unsigned> WrapperCalls;
  for (const CallSite &CS : C.CallSites) {
    ++WrapperCalls[CS.Signature];
    if (CS.InTest)
      continue;
    auto It = BySignature.find(CS.Signature);
    if (It == BySignature.end())
      continue;
    for (const std::string &Metric : It->second->Metrics)
      ++SitesPerModule[Metric][CS.Module];
  }

  for (const Metric &M : C.Metrics) {
    MetricPlan MP;
    MP.Name = M.Name;
    MP.Field = M.Field;
    MP.Namespace = C.TheService.Namespace;
    MP.Pointer = M.Style == FieldStyle::ChildPtr || M.Style == FieldStyle::FamilyPtr;
    bool IsFamily = M.Style == FieldStyle::FamilyRef || M.Style == FieldStyle::FamilyPtr;
    MP.Type = IsFamily ? "prometheus::Family<" + familyType(M.Kind) + ">&"
                       : familyType(M.Kind) + "&";
    auto Sites = SitesPerModule.find(M.Name);
    if (Sites == SitesPerModule.end()) {
      // Nobody outside the service records it: kept when the service's own
      // code (a method outside the interfaces) does, dead otherwise.
      bool Internal = llvm::any_of(C.Wrappers, [&](const Wrapper &W) {
        return !W.Overrides && llvm::is_contained(W.Metrics, M.Name);
      });
      MP.Fate = Internal ? MetricFate::Kept : MetricFate::Dead;
      P.Metrics.push_back(std::move(MP));
      continue;
    }
    std::vector<std::pair<std::string, unsigned>> Modules(Sites->second.begin(),
                                                          Sites->second.end());
    std::stable_sort(Modules.begin(), Modules.end(), [](const auto &A, const auto &B) {
      return A.second > B.second;
    });
    MP.Owner = Modules.front().first;
    MP.OwnerSites = Modules.front().second;
    for (size_t I = 1; I < Modules.size(); ++I)
      MP.Users.push_back(Modules[I].first);
    std::sort(MP.Users.begin(), MP.Users.end());
    MP.Fate = MP.Users.empty() ? MetricFate::Moved : MetricFate::Shared;
    MP.OwnerSource = fileOf(Files, MP.Owner, SourceExtensions);
    MP.OwnerHeader = fileOf(Files, MP.Owner, HeaderExtensions);

    // The constant's name, suffixed when an identifier of that spelling is
    // already declared in a file that will see it.
    std::string Name = constantName(M.Name);
    std::vector<std::string> Seeing = {MP.OwnerSource, MP.OwnerHeader};
    for (const std::string &U : MP.Users) {
      Seeing.push_back(fileOf(Files, U, SourceExtensions));
      Seeing.push_back(fileOf(Files, U, HeaderExtensions));
    }
    for (const std::string &File : Seeing) {
      auto Names = F.UpperSnakeNames.find(File);
      if (File.empty() || Names == F.UpperSnakeNames.end())
        continue;
      if (llvm::is_contained(Names->second, Name) && MP.ClashWith.empty())
        MP.ClashWith = Name + " in " + File;
    }
    MP.Constant = MP.ClashWith.empty() ? Name : Name + "_METRIC";

    std::string Chain = rebuiltChain(M, P.RegistryExpr);
    bool HeaderOnly = MP.OwnerSource.empty();
    MP.Definition = (HeaderOnly ? "inline " : "") + MP.Type + " " + MP.Constant +
                    " =\n    " + Chain + ";";
    MP.Declaration = "extern " + MP.Type + " " + MP.Constant + ";";
    P.Metrics.push_back(std::move(MP));
  }
  std::sort(P.Metrics.begin(), P.Metrics.end(),
            [](const MetricPlan &A, const MetricPlan &B) { return A.Name < B.Name; });

  for (const Wrapper &W : C.Wrappers) {
    WrapperPlan WP;
    WP.Name = W.Name;
    WP.Signature = W.Signature;
    bool AllKept = llvm::all_of(W.Metrics, [&](const std::string &M) {
      const MetricPlan *MP = P.metric(M);
      return !MP || MP->Fate == MetricFate::Kept || MP->Fate == MetricFate::Dead;
    });
    if (W.UsesServiceState) {
      WP.Fate = WrapperFate::Keep;
      WP.Reason = "its body uses other members of the service";
    } else if (AllKept && !WrapperCalls.count(W.Signature)) {
      WP.Fate = WrapperFate::Keep;
      WP.Reason = "nobody outside the service calls it";
    } else if (W.Body == BodyKind::SingleExpression) {
      WP.Fate = WrapperFate::Inline;
    } else {
      WP.Fate = WrapperFate::Helper;
      WP.Reason = W.Body == BodyKind::MultiStatement ? "its body has several statements"
                                                     : "its body is not one expression";
      std::string Params;
      std::map<std::string, std::string> Names;
      for (const Param &Q : W.Params) {
        if (!Params.empty())
          Params += ", ";
        Params += Q.Type + " " + Q.Name;
        if (!Q.Default.empty())
          Params += " = " + Q.Default;
        Names[Q.Name] = Q.Name;
      }
      WP.HelperDefinition = W.ReturnType + " " + W.Name + "(" + Params + ") {\n  " +
                            fillTemplate(W.Template, P, Names) + "\n}";
    }
    P.Wrappers.push_back(std::move(WP));
  }

  for (const InjectionPoint &IP : C.InjectionPoints) {
    // Typed as an interface, the point only reaches wrappers: it goes.
    // Typed as the service itself, it reaches what stays (polling, the
    // registry): it stays.
    if (IP.Interface == C.TheService.Name)
      P.Keep.push_back(IP);
    else
      P.Strip.push_back(IP);
  }
  return P;
}

} // namespace mm
