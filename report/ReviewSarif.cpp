//===--- ReviewSarif.cpp - The review's findings as SARIF -----------------===//

#include "report/ReviewSarif.h"

#include <algorithm>
#include <map>

namespace mm {

namespace {

using llvm::json::Array;
using llvm::json::Object;
using llvm::json::Value;

class Log {
public:
  void rule(const std::string &Id, const std::string &Text) {
    if (Rules.emplace(Id, Text).second)
      Order.push_back(Id);
  }

  void result(const std::string &Rule, llvm::StringRef Level, const std::string &Message,
              const Evidence &E) {
    // A finding about a whole file points at its first line: code-scanning
    // UIs show no result without one.
    Object Location{{"artifactLocation", Object{{"uri", E.File}, {"uriBaseId", "SRCROOT"}}},
                    {"region", Object{{"startLine", std::max(E.Line, 1u)}}}};
    Object R{{"ruleId", Rule},
             {"level", Level},
             {"message", Object{{"text", E.Note.empty() ? Message : Message + ": " + E.Note}}}};
    if (!E.File.empty())
      R["locations"] = Array{Object{{"physicalLocation", std::move(Location)}}};
    Results.push_back(std::move(R));
  }

  Value done() {
    Array RuleList;
    for (const std::string &Id : Order)
      RuleList.push_back(Object{{"id", Id}, {"shortDescription", Object{{"text", Rules[Id]}}}});
    Object Driver{{"name", "metrics-migrate"}, {"rules", std::move(RuleList)}};
    Object Run{{"tool", Object{{"driver", std::move(Driver)}}},
               {"results", std::move(Results)},
               {"columnKind", "unicodeCodePoints"}};
    return Object{{"$schema", "https://json.schemastore.org/sarif-2.1.0.json"},
                  {"version", "2.1.0"},
                  {"runs", Array{std::move(Run)}}};
  }

private:
  std::map<std::string, std::string> Rules;
  std::vector<std::string> Order;
  Array Results;
};

} // namespace

Value toSarif(const Review &R) {
  Log L;
  if (!R.Manual.empty())
    L.rule("manual-item", "Left for a human");
  for (const Evidence &E : R.Manual)
    L.result("manual-item", "warning", "left for a human", {E.File, E.Line, E.Note});
  for (const Collision &C : R.Collisions) {
    std::string Id = "collision/" + C.Kind;
    L.rule(Id, "Name collision: " + C.Kind);
    bool Blocker = C.Kind != "constant-clash";
    for (const Evidence &E : C.Where)
      L.result(Id, Blocker ? "error" : "note",
               C.Name + ": " + C.Detail + " (resolution: " + C.Resolution + ")",
               {E.File, E.Line, ""});
  }
  for (const std::vector<Check> *List : {&R.Checks, &R.Invariants})
    for (const Check &K : *List) {
      if (!K.Fired)
        continue;
      L.rule(K.Id, K.Title);
      for (const Evidence &E : K.Where)
        L.result(K.Id, K.Blocker ? "error" : "warning", K.Title, E);
    }
  return L.done();
}

} // namespace mm
