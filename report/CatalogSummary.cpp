//===--- CatalogSummary.cpp - A human-sized view of the catalog -----------===//

#include "report/CatalogSummary.h"

#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/FormatVariadic.h"

#include <map>

namespace mm {

void printCatalogSummary(llvm::raw_ostream &OS, const Catalog &C) {
  OS << "service " << C.TheService.Name << " (" << C.TheService.Header;
  if (!C.TheService.Source.empty())
    OS << ", " << C.TheService.Source;
  OS << ")\n";
  for (const Interface &I : C.Interfaces)
    OS << "  interface " << I.Name << (I.Abstract ? " (abstract)" : "") << "\n";
  for (const TestDouble &D : C.TestDoubles)
    OS << "  " << toString(D.Kind) << " double " << D.Name << " (" << D.Methods.size()
       << " methods)\n";

  std::map<MetricKind, unsigned> Kinds;
  std::vector<std::string> Unread;
  for (const Metric &M : C.Metrics)
    if (M.Name.empty())
      Unread.push_back(M.Field);
    else
      ++Kinds[M.Kind];
  OS << llvm::formatv("metrics          {0,4}  ({1} counters, {2} gauges, {3} "
                      "histograms, {4} summaries)\n",
                      C.Metrics.size() - Unread.size(), Kinds[MetricKind::Counter],
                      Kinds[MetricKind::Gauge], Kinds[MetricKind::Histogram],
                      Kinds[MetricKind::Summary]);
  if (!Unread.empty())
    OS << llvm::formatv("name not read    {0,4}  ({1})\n", Unread.size(),
                        llvm::join(Unread, ", "));
  std::map<BodyKind, unsigned> Bodies;
  for (const Wrapper &W : C.Wrappers)
    ++Bodies[W.Body];
  OS << llvm::formatv("wrappers         {0,4}  ({1} single-expression, {2} "
                      "multi-statement, {3} other)\n",
                      C.Wrappers.size(), Bodies[BodyKind::SingleExpression],
                      Bodies[BodyKind::MultiStatement], Bodies[BodyKind::Other]);
  std::map<InjectionKind, unsigned> Points;
  for (const InjectionPoint &P : C.InjectionPoints)
    ++Points[P.Kind];
  OS << llvm::formatv("injection points {0,4}  ({1} constructor params, {2} "
                      "fields, {3} function params{4})\n",
                      C.InjectionPoints.size(), Points[InjectionKind::ConstructorParam],
                      Points[InjectionKind::Field], Points[InjectionKind::FunctionParam],
                      Points[InjectionKind::FunctionTypeParam]
                          ? llvm::formatv(", {0} in std::function signatures",
                                          Points[InjectionKind::FunctionTypeParam])
                                .str()
                          : "");
  OS << llvm::formatv("call sites       {0,4}\n", C.CallSites.size());
  std::map<std::string, unsigned> PerModule;
  for (const CallSite &CS : C.CallSites)
    ++PerModule[CS.Module];
  for (const auto &[Module, N] : PerModule)
    OS << llvm::formatv("  {0,4}  {1}\n", N, Module);
}

} // namespace mm
