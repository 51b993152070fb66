//===--- LeftBecause.cpp - Items left for a human, by pattern -------------===//

#include "report/LeftBecause.h"

#include "llvm/Support/Format.h"

#include <algorithm>
#include <map>

namespace mm {

namespace {

struct Pattern {
  llvm::StringRef Id;
  llvm::StringRef Words;
};

Pattern patternFor(LeftBecause Cause) {
  switch (Cause) {
  case LeftBecause::Other:
    return {"other", "other shapes"};
  case LeftBecause::SharedMetricName:
    return {"shared-metric-name",
            "metrics held in several fields (a family and the children taken from it)"};
  case LeftBecause::NameNotReadable:
    return {"name-not-readable", "metrics whose name could not be read"};
  case LeftBecause::SetTwoWays:
    return {"set-two-ways", "metric fields set by two different chains"};
  case LeftBecause::BodyUsesService:
    return {"body-uses-service", "wrappers whose bodies use other members of the service"};
  case LeftBecause::BodyHasDirectives:
    return {"body-has-directives", "wrappers whose bodies hold preprocessor directives"};
  case LeftBecause::InactiveBranch:
    return {"inactive-branch", "calls in preprocessor branches this build skips"};
  case LeftBecause::DerivedCaller:
    return {"derived-caller", "calls from classes derived from the service"};
  case LeftBecause::AddressTaken:
    return {"address-taken", "wrappers named, not called (member pointers, std::bind)"};
  case LeftBecause::Macro:
    return {"macro", "calls inside macros"};
  case LeftBecause::Fenced:
    return {"fenced", "files excluded, generated or not writable"};
  case LeftBecause::Arguments:
    return {"arguments", "arguments whose evaluation inlining would change"};
  case LeftBecause::HeaderHelper:
    return {"header-helper", "calls in headers to wrappers that need a file-local helper"};
  case LeftBecause::Expectation:
    return {"expectation", "EXPECT_CALLs that cannot become value assertions"};
  case LeftBecause::DoubleOverride:
    return {"double-override", "test doubles that cannot lose their overrides"};
  case LeftBecause::DidNotCompile:
    return {"did-not-compile", "edits that did not compile and were taken back"};
  case LeftBecause::NullGuard:
    return {"null-guard", "null checks that guard more than recording (or none)"};
  case LeftBecause::Injection:
    return {"injection", "injection initializers or arguments that cannot be removed as written"};
  case LeftBecause::Registry:
    return {"registry", "a service registry the tool cannot point at the shared one"};
  case LeftBecause::Interface:
    return {"interface", "an interface among several bases of the service"};
  case LeftBecause::NoHeader:
    return {"no-header", "owners with no header to declare their constants in"};
  case LeftBecause::SetUpUse:
    return {"set-up-use",
            "metrics the service's constructor uses beyond creating their series"};
  case LeftBecause::AbsoluteValue:
    return {"absolute-value",
            "tests asserting a metric's value where they cannot read it before acting"};
  case LeftBecause::RuntimeValue:
    return {"runtime-value",
            "metrics whose chain reads a value the service is built with (a parameter, a "
            "local, a member)"};
  case LeftBecause::CompileTimeOptional:
    return {"compile-time-optional",
            "recordings of a service built in one configuration that cannot be put under "
            "its condition"};
  }
  return {"other", "other shapes"};
}

} // namespace

llvm::StringRef idOf(LeftBecause Cause) { return patternFor(Cause).Id; }

llvm::StringRef patternOf(LeftBecause Cause) { return patternFor(Cause).Words; }

std::string docsOf(LeftBecause Cause) {
  return "docs/left-for-a-human.md#" + idOf(Cause).str();
}

std::vector<ReasonCount> countByReason(llvm::ArrayRef<ManualItem> Items) {
  std::map<LeftBecause, unsigned> Count;
  for (const ManualItem &I : Items)
    ++Count[I.Cause];
  std::vector<ReasonCount> Out;
  for (const auto &[Cause, N] : Count)
    Out.push_back({Cause, N});
  std::stable_sort(Out.begin(), Out.end(), [](const ReasonCount &A, const ReasonCount &B) {
    if (A.Items != B.Items)
      return A.Items > B.Items;
    return idOf(A.Cause) < idOf(B.Cause);
  });
  return Out;
}

void printLeftSummary(llvm::raw_ostream &OS, llvm::ArrayRef<ManualItem> Items, unsigned Top) {
  if (Items.empty())
    return;
  std::vector<ReasonCount> Counts = countByReason(Items);
  OS << Items.size() << (Items.size() == 1 ? " item" : " items")
     << " left for a human, by the code behind them:\n";
  unsigned Width = std::to_string(Counts.front().Items).size();
  for (size_t I = 0; I < Counts.size() && I < Top; ++I)
    OS << "  " << llvm::right_justify(std::to_string(Counts[I].Items), Width) << "  "
       << patternOf(Counts[I].Cause) << "; see " << docsOf(Counts[I].Cause) << "\n";
  if (Counts.size() > Top) {
    unsigned Rest = 0;
    for (size_t I = Top; I < Counts.size(); ++I)
      Rest += Counts[I].Items;
    OS << "  " << llvm::right_justify(std::to_string(Rest), Width) << "  in "
       << Counts.size() - Top << " other patterns (each item above says why)\n";
  }
}

} // namespace mm
