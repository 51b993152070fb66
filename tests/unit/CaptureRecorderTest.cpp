//===--- CaptureRecorderTest.cpp - Lambdas capturing `this` ---------------===//
//
// The capture recorder on in-memory snippets: each form of an explicit
// `this` capture and the exact text its Removal covers, the members a body
// reaches (fields, methods, implicit or explicit `this`, a base's, nested
// lambdas), the uses that keep `this` needed, and the lambdas not recorded.
//
//===----------------------------------------------------------------------===//

#include "tests/unit/Snippet.h"

#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace mm::test {
namespace {

using ::testing::ElementsAre;
using ::testing::IsEmpty;

/// A class holding the injected service and other state, to write lambdas in.
std::string withPicker(const std::string &Methods) {
  return std::string(PrometheusIncludes) + BasicService + R"cpp(
namespace shop {
struct Base {
  int shared_ = 0;
};
class Picker : public Base {
 public:
  explicit Picker(MetricsServiceProtocol& metrics) : metrics_(metrics) {}
  void Run(int n);
  int Helper() const { return count_; }
 private:
  MetricsServiceProtocol& metrics_;
  int count_ = 0;
};
)cpp" + Methods + "\n}  // namespace shop\n";
}

std::string textOf(const std::string &Code, const SourceSpan &S) {
  EXPECT_TRUE(S.valid());
  EXPECT_EQ(S.File, "input.cc");
  if (S.Offset + S.Length > Code.size())
    return "<out of range>";
  return Code.substr(S.Offset, S.Length);
}

std::string without(std::string Code, const SourceSpan &S) {
  if (S.Offset + S.Length > Code.size())
    return "<out of range>";
  return Code.erase(S.Offset, S.Length);
}

/// The line of \p Code holding \p Needle.
std::string lineWith(const std::string &Code, const std::string &Needle) {
  size_t Pos = Code.find(Needle);
  if (Pos == std::string::npos)
    return "<" + Needle + " not found>";
  size_t Begin = Code.rfind('\n', Pos);
  size_t End = Code.find('\n', Pos);
  Begin = Begin == std::string::npos ? 0 : Begin + 1;
  return Code.substr(Begin, End == std::string::npos ? std::string::npos : End - Begin);
}

TEST(ThisCaptures, OnlyTheInjectedField) {
  std::string Code = withPicker(R"cpp(
void Picker::Run(int n) {
  auto pick = [this](int line) { metrics_.RecordKitCreated(line); };
  pick(n);
})cpp");
  TUFacts F = factsFor(Code);
  ASSERT_EQ(F.Scan.ThisCaptures.size(), 1u);
  const ThisCapture &T = F.Scan.ThisCaptures[0];
  EXPECT_EQ(textOf(Code, T.Capture), "this");
  EXPECT_EQ(T.Capture.Line, lineOf(Code, "auto pick = [this]"));
  EXPECT_EQ(T.Capture.Column, 16u);
  EXPECT_EQ(textOf(Code, T.Removal), "this");
  EXPECT_EQ(T.Owner, "shop::Picker");
  EXPECT_THAT(T.Fields, ElementsAre("shop::Picker::metrics_"));
  EXPECT_THAT(T.Methods, IsEmpty());
  EXPECT_FALSE(T.OtherUse);
}

TEST(ThisCaptures, EachListFormAndItsRemoval) {
  std::string Code = withPicker(R"cpp(
void Picker::Run(int n) {
  auto first = [this, n] { metrics_.RecordKitCreated(n); };
  auto by_ref = [&, this] { metrics_.RecordKitCreated(n); };
  auto by_copy = [=, this] { metrics_.RecordKitCreated(n); };
  auto last = [&n, this]() { this->metrics_.RecordKitCreated(n); };
  first();
  by_ref();
  by_copy();
  last();
})cpp");
  TUFacts F = factsFor(Code);
  ASSERT_EQ(F.Scan.ThisCaptures.size(), 4u);
  const std::vector<ThisCapture> &T = F.Scan.ThisCaptures;
  EXPECT_EQ(textOf(Code, T[0].Removal), "this, ");
  EXPECT_EQ(lineWith(without(Code, T[0].Removal), "auto first"),
            "  auto first = [n] { metrics_.RecordKitCreated(n); };");
  EXPECT_EQ(textOf(Code, T[1].Removal), ", this");
  EXPECT_EQ(lineWith(without(Code, T[1].Removal), "auto by_ref"),
            "  auto by_ref = [&] { metrics_.RecordKitCreated(n); };");
  EXPECT_EQ(textOf(Code, T[2].Removal), ", this");
  EXPECT_EQ(lineWith(without(Code, T[2].Removal), "auto by_copy"),
            "  auto by_copy = [=] { metrics_.RecordKitCreated(n); };");
  EXPECT_EQ(textOf(Code, T[3].Removal), ", this");
  for (const ThisCapture &C : T) {
    EXPECT_EQ(textOf(Code, C.Capture), "this");
    EXPECT_THAT(C.Fields, ElementsAre("shop::Picker::metrics_"));
    EXPECT_THAT(C.Methods, IsEmpty());
    EXPECT_FALSE(C.OtherUse);
  }
}

TEST(ThisCaptures, StarThis) {
  std::string Code = withPicker(R"cpp(
void Picker::Run(int n) {
  auto copy = [*this, n]() mutable { metrics_.RecordKitCreated(n); };
  copy();
})cpp");
  TUFacts F = factsFor(Code);
  ASSERT_EQ(F.Scan.ThisCaptures.size(), 1u);
  const ThisCapture &T = F.Scan.ThisCaptures[0];
  EXPECT_EQ(textOf(Code, T.Capture), "*this");
  EXPECT_EQ(textOf(Code, T.Removal), "*this, ");
  EXPECT_THAT(T.Fields, ElementsAre("shop::Picker::metrics_"));
  EXPECT_FALSE(T.OtherUse);
}

TEST(ThisCaptures, OtherMembersImplicitAndExplicit) {
  std::string Code = withPicker(R"cpp(
void Picker::Run(int n) {
  auto step = [this](int line) {
    metrics_.RecordKitCreated(line);
    ++count_;
    shared_ += this->Helper();
  };
  step(n);
})cpp");
  TUFacts F = factsFor(Code);
  ASSERT_EQ(F.Scan.ThisCaptures.size(), 1u);
  const ThisCapture &T = F.Scan.ThisCaptures[0];
  EXPECT_THAT(T.Fields, ElementsAre("shop::Base::shared_", "shop::Picker::count_",
                                    "shop::Picker::metrics_"));
  EXPECT_THAT(T.Methods, ElementsAre("shop::Picker::Helper"));
  EXPECT_FALSE(T.OtherUse);
}

TEST(ThisCaptures, ThisItselfIsAnotherUse) {
  std::string Code = withPicker(R"cpp(
void Use(const Picker*) {}
void Picker::Run(int n) {
  auto pass = [this] { Use(this); metrics_.RecordKitCreated(1); };
  auto self = [this] { const Picker& p = *this; return p.Helper(); };
  auto member = [this] { (*this).metrics_.RecordKitCreated(2); };
  pass();
  (void)self();
  member();
  (void)n;
})cpp");
  TUFacts F = factsFor(Code);
  ASSERT_EQ(F.Scan.ThisCaptures.size(), 3u);
  const ThisCapture &Pass = F.Scan.ThisCaptures[0];
  EXPECT_TRUE(Pass.OtherUse);
  EXPECT_THAT(Pass.Fields, ElementsAre("shop::Picker::metrics_"));
  const ThisCapture &Self = F.Scan.ThisCaptures[1];
  EXPECT_TRUE(Self.OtherUse);
  EXPECT_THAT(Self.Fields, IsEmpty());
  EXPECT_THAT(Self.Methods, IsEmpty());
  // `(*this).m` reaches a member like `this->m`.
  const ThisCapture &Member = F.Scan.ThisCaptures[2];
  EXPECT_FALSE(Member.OtherUse);
  EXPECT_THAT(Member.Fields, ElementsAre("shop::Picker::metrics_"));
}

TEST(ThisCaptures, NestedLambdaUsesCountForTheOuterOne) {
  std::string Code = withPicker(R"cpp(
void Picker::Run(int n) {
  auto outer = [this](int k) {
    auto inner = [this, k] { metrics_.RecordKitCreated(k); };
    inner();
    struct Local {
      int value_ = 0;
      int Get() const { return value_; }
    };
    (void)Local().Get();
  };
  outer(n);
})cpp");
  TUFacts F = factsFor(Code);
  ASSERT_EQ(F.Scan.ThisCaptures.size(), 2u);
  const ThisCapture &Outer = F.Scan.ThisCaptures[0];
  const ThisCapture &Inner = F.Scan.ThisCaptures[1];
  EXPECT_EQ(Outer.Capture.Line, lineOf(Code, "auto outer"));
  EXPECT_EQ(Inner.Capture.Line, lineOf(Code, "auto inner"));
  // The local class's own `this` is not the lambda's.
  EXPECT_THAT(Outer.Fields, ElementsAre("shop::Picker::metrics_"));
  EXPECT_FALSE(Outer.OtherUse);
  EXPECT_THAT(Inner.Fields, ElementsAre("shop::Picker::metrics_"));
  EXPECT_EQ(Inner.Owner, "shop::Picker");
}

TEST(ThisCaptures, TemplateInstantiationsAreOneCapture) {
  std::string Code = withPicker(R"cpp(
class Batch {
 public:
  template <typename T> void Each(const T& items) {
    for (const auto& item : items) {
      auto record = [this, &item] { metrics_->RecordKitCreated(item); };
      record();
    }
  }
  MetricsServiceProtocol* metrics_ = nullptr;
};
void Fill(Batch& b) {
  b.Each(std::vector<int>{1});
  b.Each(std::vector<long>{2});
  auto generic = [&b](auto x) { b.Each(std::vector<int>{x}); };
  generic(1);
})cpp");
  TUFacts F = factsFor("#include <vector>\n" + Code);
  ASSERT_EQ(F.Scan.ThisCaptures.size(), 1u);
  const ThisCapture &T = F.Scan.ThisCaptures[0];
  EXPECT_EQ(T.Owner, "shop::Batch");
  EXPECT_THAT(T.Fields, ElementsAre("shop::Batch::metrics_"));
  EXPECT_THAT(T.Methods, IsEmpty());
  EXPECT_FALSE(T.OtherUse);
}

TEST(ThisCaptures, NothingWithoutAnExplicitThis) {
  std::string Code = withPicker(R"cpp(
#define CAPTURING(body) [this] { body; }
void Picker::Run(int n) {
  auto by_ref = [&] { metrics_.RecordKitCreated(n); };
  auto by_copy = [=] { return n + 1; };
  auto plain = [n] { return n; };
  auto in_macro = CAPTURING(metrics_.RecordKitCreated(1));
  by_ref();
  (void)by_copy();
  (void)plain();
  in_macro();
})cpp");
  TUFacts F = factsFor(Code);
  EXPECT_THAT(F.Scan.ThisCaptures, IsEmpty());
}

} // namespace
} // namespace mm::test
