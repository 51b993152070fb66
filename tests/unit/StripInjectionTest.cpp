//===--- StripInjectionTest.cpp - The injection goes, on plain data -------===//
//
// rewrite() on plain data for the stripping rule: a constructor's parameter
// in its declaration and its definition (with its comma, and `explicit` when
// the constructor is left without parameters), the field with its member
// initializer, and the argument at each construction site, `T x(m)` losing
// its parentheses. What cannot be removed as written is an item for a human
// saying what it is; with nothing to strip, nothing changes.
//
//===----------------------------------------------------------------------===//

#include "tests/unit/RewriteHarness.h"

#include "gmock/gmock.h"
#include "gtest/gtest.h"

#include <algorithm>

namespace mm {
namespace {

using test::leftForAHuman;
using test::rewritten;
using test::spanOf;

const char *const Header = R"cpp(class PickService {
 public:
  explicit PickService(MetricsService& metrics);
  PickService(Store& store, MetricsService& metrics, int shelves);

 private:
  Store* store_ = nullptr;
  MetricsService& metrics_;
};
)cpp";

const char *const Source = R"cpp(PickService::PickService(MetricsService& metrics)
    : metrics_(metrics) {}

PickService::PickService(Store& store, MetricsService& metrics, int shelves)
    : store_(&store), metrics_(metrics) {}
)cpp";

const char *const Main = R"cpp(int main() {
  MetricsService metrics;
  Store store;
  PickService one(metrics);
  PickService two(store, metrics, 3);
  auto three = std::make_unique<PickService>(METRICS_OF(store));
}
)cpp";

/// The span of \p Needle inside the first \p Context of \p File.
SourceSpan within(const test::FileTexts &Files, const std::string &File,
                  const std::string &Context, const std::string &Needle) {
  SourceSpan S = spanOf(Files, File, Context);
  size_t At = Context.find(Needle);
  EXPECT_NE(At, std::string::npos) << Needle;
  const std::string &Text = Files.at(File);
  S.Offset += static_cast<unsigned>(At);
  S.Length = static_cast<unsigned>(Needle.size());
  S.Line = 1 + static_cast<unsigned>(std::count(Text.begin(), Text.begin() + S.Offset, '\n'));
  return S;
}

struct StripCase {
  test::FileTexts Files = {{"services/pick_service.h", Header},
                           {"services/pick_service.cpp", Source},
                           {"app/main.cpp", Main}};
  Catalog C;
  Facts F;
  Plan P;

  /// The parameter `MetricsService& metrics` in \p Context of \p File, at
  /// \p Index of its constructor's parameters.
  void param(const std::string &File, const std::string &Context, unsigned Index) {
    InjectionPoint IP;
    IP.Kind = InjectionKind::ConstructorParam;
    IP.Owner = "shop::PickService";
    IP.Name = "metrics";
    IP.Index = Index;
    IP.Loc = within(Files, File, Context, "MetricsService& metrics");
    P.Strip.push_back(IP);
  }

  void field() {
    InjectionPoint IP;
    IP.Kind = InjectionKind::Field;
    IP.Owner = "shop::PickService";
    IP.Name = "metrics_";
    IP.Loc = spanOf(Files, "services/pick_service.h", "MetricsService& metrics_;");
    P.Strip.push_back(IP);
  }

  /// The member initializer `metrics_(metrics)` in \p Context, removed as
  /// \p Removal (none: it cannot be).
  void init(const std::string &Context, const std::string &Removal) {
    MemberInit MI;
    MI.Owner = "shop::PickService";
    MI.Field = "metrics_";
    MI.Init = within(Files, "services/pick_service.cpp", Context, "metrics_(metrics)");
    if (!Removal.empty())
      MI.Removal = within(Files, "services/pick_service.cpp", Context, Removal);
    F.MemberInits.push_back(MI);
  }

  /// The argument \p Arg of the construction \p Call, removed as
  /// \p Removal (none: it cannot be).
  void argument(const std::string &Call, const std::string &Arg, const std::string &Removal,
                unsigned Index, const std::string &Form) {
    ArgumentSite A;
    A.Callee = "shop::PickService";
    A.Call = spanOf(Files, "app/main.cpp", Call);
    A.Arg = within(Files, "app/main.cpp", Call, Arg);
    A.ArgText = Arg;
    A.Index = Index;
    A.Form = Form;
    if (!Removal.empty())
      A.Removal = within(Files, "app/main.cpp", Call, Removal);
    A.EnclosingFunction = "main";
    F.ArgumentSites.push_back(A);
  }

  /// Everything of the injection, as the matchers record it.
  void all() {
    param("services/pick_service.h", "MetricsService& metrics);", 0);
    param("services/pick_service.h", "MetricsService& metrics, int", 1);
    param("services/pick_service.cpp", "MetricsService& metrics)\n", 0);
    param("services/pick_service.cpp", "MetricsService& metrics, int", 1);
    field();
    init("\n    : metrics_(metrics) {}\n\n", "\n    : metrics_(metrics)");
    init(", metrics_(metrics) {}\n", ", metrics_(metrics)");
    argument("one(metrics)", "metrics", "metrics", 0, "paren");
    argument("two(store, metrics, 3)", "metrics", ", metrics", 1, "paren");
  }
};

TEST(StripInjection, ParameterFieldInitializerAndArgumentsGo) {
  StripCase K;
  K.all();
  auto Out = rewritten(K.C, K.F, K.P, K.Files);
  EXPECT_EQ(Out["services/pick_service.h"], "class PickService {\n"
                                            " public:\n"
                                            "  PickService();\n"
                                            "  PickService(Store& store, int shelves);\n"
                                            "\n"
                                            " private:\n"
                                            "  Store* store_ = nullptr;\n"
                                            "};\n");
  EXPECT_EQ(Out["app/main.cpp"], "int main() {\n"
                                 "  MetricsService metrics;\n"
                                 "  Store store;\n"
                                 "  PickService one;\n"
                                 "  PickService two(store, 3);\n"
                                 "  auto three = std::make_unique<PickService>(METRICS_OF(store));\n"
                                 "}\n");
}

TEST(StripInjection, InitializersGoWithTheirSeparators) {
  StripCase K;
  K.all();
  auto Out = rewritten(K.C, K.F, K.P, K.Files);
  EXPECT_EQ(Out["services/pick_service.cpp"], "PickService::PickService() {}\n"
                                              "\n"
                                              "PickService::PickService(Store& store, int shelves)\n"
                                              "    : store_(&store) {}\n");
}

TEST(StripInjection, WhatCannotBeRemovedAsWrittenIsAnItemSayingWhatItIs) {
  StripCase K;
  K.all();
  K.argument("make_unique<PickService>(METRICS_OF(store))", "METRICS_OF(store)", "", 0,
             "make_unique");
  K.F.MemberInits.back().Removal = SourceSpan();
  auto Items = leftForAHuman(K.C, K.F, K.P, K.Files);
  ASSERT_EQ(Items.size(), 2u);
  std::sort(Items.begin(), Items.end(),
            [](const ManualItem &A, const ManualItem &B) { return A.File < B.File; });
  EXPECT_EQ(Items[0].File, "app/main.cpp");
  EXPECT_EQ(Items[0].Line, 6u);
  EXPECT_EQ(Items[0].Subject, ManualSubject::Argument);
  EXPECT_EQ(Items[0].Cause, LeftBecause::Injection);
  EXPECT_EQ(Items[1].File, "services/pick_service.cpp");
  EXPECT_EQ(Items[1].Subject, ManualSubject::Initializer);
  EXPECT_EQ(Items[1].Cause, LeftBecause::Injection);
}

/// The header's second constructor, `PickService(Store&, MetricsService&,
/// int)`, as the matchers record it where the project writes its
/// one-parameter constructors explicit, its `int` dropped when \p Shelves
/// is false: `explicit` goes before it when one parameter is left.
void markExplicitStyle(StripCase &K, bool Shelves) {
  if (!Shelves) {
    for (auto *Text : {&K.Files["services/pick_service.h"], &K.Files["services/pick_service.cpp"]}) {
      size_t At = Text->find(", int shelves");
      Text->erase(At, std::string(", int shelves").size());
    }
    K.P.Strip.clear();
    K.param("services/pick_service.h", "MetricsService& metrics);\n  PickService", 0);
    K.param("services/pick_service.h", "MetricsService& metrics);\n\n", 1);
    K.param("services/pick_service.cpp", "MetricsService& metrics)\n", 0);
    K.param("services/pick_service.cpp", "MetricsService& metrics)\n    : store_", 1);
    K.field();
  }
  SourceSpan At = spanOf(K.Files, "services/pick_service.h", "PickService(Store&");
  At.Length = 0;
  for (InjectionPoint &IP : K.P.Strip)
    if (IP.Kind == InjectionKind::ConstructorParam && IP.Index == 1 &&
        IP.Loc.File == "services/pick_service.h") {
      IP.Params = Shelves ? 3 : 2;
      IP.ExplicitAt = At;
    }
}

TEST(StripInjection, AConstructorLeftWithOneParameterBecomesExplicit) {
  StripCase K;
  markExplicitStyle(K, /*Shelves=*/false);
  auto Out = rewritten(K.C, K.F, K.P, K.Files);
  EXPECT_EQ(Out["services/pick_service.h"], "class PickService {\n"
                                            " public:\n"
                                            "  PickService();\n"
                                            "  explicit PickService(Store& store);\n"
                                            "\n"
                                            " private:\n"
                                            "  Store* store_ = nullptr;\n"
                                            "};\n");
}

TEST(StripInjection, AConstructorABracedListBuildsStaysImplicit) {
  StripCase K;
  markExplicitStyle(K, /*Shelves=*/false);
  K.argument("two(store, metrics, 3)", "metrics", ", metrics", 1, "brace");
  auto Out = rewritten(K.C, K.F, K.P, K.Files);
  EXPECT_NE(Out["services/pick_service.h"].find("\n  PickService(Store& store);"),
            std::string::npos);
}

TEST(StripInjection, AConstructorLeftWithTwoParametersStaysAsItIs) {
  StripCase K;
  K.all();
  markExplicitStyle(K, /*Shelves=*/true);
  auto Out = rewritten(K.C, K.F, K.P, K.Files);
  EXPECT_NE(Out["services/pick_service.h"].find("\n  PickService(Store& store, int shelves);"),
            std::string::npos);
}

TEST(StripInjection, NothingStrippedNothingChanges) {
  StripCase K;
  K.all();
  K.P.Strip.clear();
  auto Out = rewritten(K.C, K.F, K.P, K.Files);
  EXPECT_EQ(Out, K.Files);
  EXPECT_THAT(leftForAHuman(K.C, K.F, K.P, K.Files), ::testing::IsEmpty());
}

} // namespace
} // namespace mm
