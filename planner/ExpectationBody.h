//===--- ExpectationBody.h - What a wrapper records for an expectation -*- C++ -*-===//
//
// Takes an `EXPECT_CALL` (its matchers as written) and the wrapper it names
// (what its body records and what decides it, as the matchers read them:
// Wrapper::Recordings, Guards, LabelSwitches, OtherBranches); hands on the
// recordings the body makes for those arguments (metric, label arguments,
// operation, value), with the bounds the matchers put on a value
// (`Ge(0.0)`, `AllOf(Gt(1), Le(5))`), or why they cannot become value
// assertions. The planner keeps a wrapper whose expectation cannot; the
// test rewriter writes the assertions from the same reading, so both agree
// by construction.
//
//===----------------------------------------------------------------------===//

#ifndef METRICS_MIGRATE_PLANNER_EXPECTATIONBODY_H
#define METRICS_MIGRATE_PLANNER_EXPECTATIONBODY_H

#include "core/Types.h"

#include "llvm/ADT/StringRef.h"

#include <map>
#include <optional>
#include <string>
#include <variant>
#include <vector>

namespace mm {

/// What a gmock matcher says of a number: `Ge(lo)`, `Gt(lo)`, `Le(hi)`,
/// `Lt(hi)`, `Eq(v)` / `DoubleEq(v)` / `FloatEq(v)` (both ends), and `AllOf`
/// of those. Bounds are the matcher's arguments as written.
struct ValueBounds {
  std::optional<std::string> Low, High;
  bool LowStrict = false, HighStrict = false;
  /// `Eq(v)`: v, to be used as if written alone.
  std::optional<std::string> Equal;
};

/// \p S read as a number (`2`, ` 0.25 `); nothing for anything else.
std::optional<double> numberIn(llvm::StringRef S);

/// \p Arg read as a matcher bounding a number (with or without `testing::`);
/// nothing for anything else (`_`, a literal, `HasSubstr(..)`, `Ne(..)`).
std::optional<ValueBounds> readValueBounds(llvm::StringRef Arg);

/// One recording of a wrapper's body (BodyRecording), its parameters
/// replaced with the expectation's arguments:
/// `metric[.Add(args)](.|->)Op(value)`.
struct Recording {
  std::string Metric; ///< `name` or `name#childField`.
  std::optional<std::string> AddArgs;
  std::string Op;
  std::string Value;
};

/// The recordings an expectation stands for.
struct ExpectedRecordings {
  std::vector<Recording> Recordings;
  /// A guard over literal arguments returns before anything is recorded.
  bool Skips = false;
  /// Value texts that stand for a matcher's argument: `_` (no bounds) or a
  /// bounding matcher, by the marker written in their place.
  std::map<std::string, ValueBounds> Matched;

  /// The bounds a recording's value is held to, when the value is one
  /// matched argument alone; nothing when it holds none.
  const ValueBounds *boundsOf(const Recording &R) const;
  /// Whether \p Text holds a matched argument anywhere.
  bool holdsMatched(llvm::StringRef Text) const;
};

/// What \p E stands for in \p W's body, or why it cannot become value
/// assertions (a matcher of a label, an amount or a value set from `_`, a
/// branch on a matched argument, a recording it does not know).
std::variant<ExpectedRecordings, std::string> readExpectation(const Expectation &E,
                                                              const Wrapper &W);

} // namespace mm

#endif // METRICS_MIGRATE_PLANNER_EXPECTATIONBODY_H
