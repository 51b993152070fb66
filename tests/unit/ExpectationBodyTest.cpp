//===--- ExpectationBodyTest.cpp - What a wrapper records for an expectation ---===//
//
// readValueBounds on gmock matchers as written, and readExpectation on plain
// data: the recordings an expectation stands for, and why one cannot become
// value assertions.
//
//===----------------------------------------------------------------------===//

#include "planner/ExpectationBody.h"
#include "tests/unit/TemplateNotation.h"

#include "gtest/gtest.h"

namespace mm {
namespace {

std::string describe(const std::optional<ValueBounds> &B) {
  if (!B)
    return "none";
  std::string Out;
  if (B->Equal)
    Out += "== " + *B->Equal;
  if (B->Low)
    Out += std::string(B->LowStrict ? "> " : ">= ") + *B->Low;
  if (B->High)
    Out += std::string(Out.empty() ? "" : ", ") + (B->HighStrict ? "< " : "<= ") + *B->High;
  return Out;
}

TEST(ReadValueBounds, MatchersBoundingANumber) {
  EXPECT_EQ(describe(readValueBounds("::testing::Ge(0.0)")), ">= 0.0");
  EXPECT_EQ(describe(readValueBounds("testing::Gt(1)")), "> 1");
  EXPECT_EQ(describe(readValueBounds("Lt(limit_ + 1)")), "< limit_ + 1");
  EXPECT_EQ(describe(readValueBounds("Le(f(1, 2))")), "<= f(1, 2)");
  EXPECT_EQ(describe(readValueBounds("testing::AllOf(testing::Ge(1), testing::Lt(10))")),
            ">= 1, < 10");
  EXPECT_EQ(describe(readValueBounds("DoubleEq(0.25)")), "== 0.25");
  EXPECT_EQ(describe(readValueBounds("Eq(\"a)b\")")), "== \"a)b\"");
}

TEST(ReadValueBounds, AnythingElseIsNone) {
  for (const char *Arg : {"_", "::testing::_", "\"web\"", "3", "HasSubstr(\"a\")",
                          "Ne(2)", "AllOf(Ge(1), Ge(2))", "AllOf(Eq(1), Le(2))", "Ge(1, 2)",
                          "Ge(1) + 1", "Ge()"})
    EXPECT_EQ(describe(readValueBounds(Arg)), "none") << Arg;
}

/// `metric[.Add(labels)].op(value)`, labels and value in the notation.
BodyRecording recording(const char *Metric, const char *Labels, const char *Op,
                        const char *Value = "") {
  return {Metric, Labels ? std::optional<BodyTemplate>(tmpl(Labels)) : std::nullopt, Op,
          tmpl(Value)};
}

Wrapper wrapper(const std::string &Param, std::vector<BodyRecording> Recordings) {
  Wrapper W;
  W.Name = "Record";
  W.Params = {{Param, "double", ""}};
  W.Recordings = std::move(Recordings);
  return W;
}

Expectation expecting(const std::string &Arg) {
  Expectation E;
  E.Wrapper = "Record";
  E.Args = {Arg};
  return E;
}

std::string whyNot(const Expectation &E, const Wrapper &W) {
  auto Read = readExpectation(E, W);
  const std::string *Why = std::get_if<std::string>(&Read);
  return Why ? *Why : "";
}

TEST(ReadExpectation, ALiteralOrAnEqualityIsWrittenInTheBody) {
  Wrapper W = wrapper("channel", {recording("orders", "{{\"channel\", ${param:channel}}}", "Increment")});
  for (const char *Arg : {"\"web\"", "::testing::Eq(\"web\")"}) {
    auto Read = readExpectation(expecting(Arg), W);
    ASSERT_TRUE(std::holds_alternative<ExpectedRecordings>(Read)) << Arg;
    const ExpectedRecordings &R = std::get<ExpectedRecordings>(Read);
    ASSERT_EQ(R.Recordings.size(), 1u);
    EXPECT_EQ(R.Recordings[0].Metric, "orders");
    EXPECT_EQ(R.Recordings[0].AddArgs, std::optional<std::string>("{{\"channel\", \"web\"}}"));
    EXPECT_EQ(R.Recordings[0].Op, "Increment");
    EXPECT_EQ(R.Recordings[0].Value, "");
    EXPECT_TRUE(R.Matched.empty());
  }
}

TEST(ReadExpectation, ABoundedValueCarriesItsBounds) {
  Wrapper W = wrapper("depth", {recording("depth", nullptr, "Set", "${param:depth}")});
  auto Read = readExpectation(expecting("testing::Le(2.0)"), W);
  ASSERT_TRUE(std::holds_alternative<ExpectedRecordings>(Read));
  const ExpectedRecordings &R = std::get<ExpectedRecordings>(Read);
  ASSERT_EQ(R.Recordings.size(), 1u);
  ASSERT_NE(R.boundsOf(R.Recordings[0]), nullptr);
  EXPECT_EQ(describe(*R.boundsOf(R.Recordings[0])), "<= 2.0");
  EXPECT_TRUE(R.holdsMatched(R.Recordings[0].Value));
}

TEST(ReadExpectation, WhatCannotBecomeAValueSaysWhy) {
  Wrapper ByChannel =
      wrapper("channel", {recording("orders", "{{\"channel\", ${param:channel}}}", "Increment")});
  EXPECT_EQ(whyNot(expecting("_"), ByChannel), "a label comes from a '_' matcher");
  EXPECT_EQ(whyNot(expecting("Ge(1)"), ByChannel), "a label comes from a matcher");
  EXPECT_EQ(whyNot(expecting("_"), wrapper("depth", {recording("depth", nullptr, "Set",
                                                               "${param:depth}")})),
            "the value set comes from a '_' matcher");
  EXPECT_EQ(whyNot(expecting("_"), wrapper("n", {recording("dropped", nullptr, "Increment",
                                                           "${param:n}")})),
            "the amount comes from a '_' matcher");
  EXPECT_EQ(whyNot(expecting("_"), wrapper("n", {recording("dropped", nullptr, "Reset",
                                                           "${param:n}")})),
            "'Reset' is not a recording it knows");
  EXPECT_EQ(whyNot(expecting("1"), wrapper("n", {})), "no recording found in the wrapper's body");
  // An observation from `_` is counted, its sum left alone.
  EXPECT_EQ(whyNot(expecting("_"), wrapper("s", {recording("latency", nullptr, "Observe",
                                                           "${param:s}")})),
            "");
}

TEST(ReadExpectation, AGuardOverLiteralsDecidesWhetherItRecords) {
  Wrapper W = wrapper("n", {recording("kits", nullptr, "Increment", "${param:n}")});
  W.Guards = {{tmpl("${param:n}"), "<=", tmpl("0")}};
  auto Read = readExpectation(expecting("0"), W);
  ASSERT_TRUE(std::holds_alternative<ExpectedRecordings>(Read));
  EXPECT_TRUE(std::get<ExpectedRecordings>(Read).Skips);
  EXPECT_TRUE(std::get<ExpectedRecordings>(Read).Recordings.empty());
  Read = readExpectation(expecting("3"), W);
  ASSERT_TRUE(std::holds_alternative<ExpectedRecordings>(Read));
  EXPECT_FALSE(std::get<ExpectedRecordings>(Read).Skips);
  ASSERT_EQ(std::get<ExpectedRecordings>(Read).Recordings.size(), 1u);
  EXPECT_EQ(std::get<ExpectedRecordings>(Read).Recordings[0].Value, "3");
  // Not a number, or any other return: it cannot be decided.
  const char *Branches = "the wrapper's body branches on something other than a literal";
  EXPECT_EQ(whyNot(expecting("count_"), W), Branches);
  EXPECT_EQ(whyNot(expecting("_"), W), Branches);
  W.Guards.clear();
  W.OtherBranches = true;
  EXPECT_EQ(whyNot(expecting("3"), W), Branches);
}

TEST(ReadExpectation, ALabelSwitchOnALiteralGivesItsCase) {
  Wrapper W = wrapper("result", {recording("auth", "{{\"result\", ${local:label}}}", "Increment")});
  W.LabelSwitches = {{"result", "label",
                      {{"AuthResult::kSuccess", "\"success\""},
                       {"AuthResult::kExpired", "\"expired\""}}}};
  auto Read = readExpectation(expecting("AuthResult::kExpired"), W);
  ASSERT_TRUE(std::holds_alternative<ExpectedRecordings>(Read));
  const ExpectedRecordings &R = std::get<ExpectedRecordings>(Read);
  ASSERT_EQ(R.Recordings.size(), 1u);
  EXPECT_EQ(R.Recordings[0].AddArgs, std::optional<std::string>("{{\"result\", \"expired\"}}"));
  // No case written as the argument is: it cannot be decided.
  const char *Branches = "the wrapper's body branches on something other than a literal";
  EXPECT_EQ(whyNot(expecting("kExpired"), W), Branches);
  EXPECT_EQ(whyNot(expecting("_"), W), Branches);
}

} // namespace
} // namespace mm
