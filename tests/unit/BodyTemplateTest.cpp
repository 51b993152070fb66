//===--- BodyTemplateTest.cpp - A wrapper's body with holes ---------------===//

#include "core/BodyTemplate.h"
#include "tests/unit/TemplateNotation.h"

#include "gtest/gtest.h"

using namespace mm;

namespace {

using Kind = TemplatePiece::Kind;

TEST(BodyTemplate, TextNextToTextIsOnePiece) {
  BodyTemplate T;
  T.appendText("a");
  T.appendText("");
  T.appendText("b");
  T.appendHole(Kind::Param, "n");
  T.appendHole(Kind::Text, "c");
  T.appendText("d");
  ASSERT_EQ(T.pieces().size(), 3u);
  EXPECT_EQ(T.pieces()[0], (TemplatePiece{Kind::Text, "ab"}));
  EXPECT_EQ(T.pieces()[1], (TemplatePiece{Kind::Param, "n"}));
  EXPECT_EQ(T.pieces()[2], (TemplatePiece{Kind::Text, "cd"}));
  BodyTemplate Twice = T;
  Twice.append(T);
  EXPECT_EQ(notation(Twice), "ab${param:n}cdab${param:n}cd");
  EXPECT_EQ(Twice.pieces().size(), 5u);
}

TEST(BodyTemplate, TrimTakesWhitespaceAtTheEndsOnly) {
  BodyTemplate T = tmpl("\n  ${metric:m}->Increment( ${param:n} );  \n");
  T.trim();
  EXPECT_EQ(notation(T), "${metric:m}->Increment( ${param:n} );");
  BodyTemplate Blank = tmpl("  ${param:n}  ");
  Blank.trim();
  EXPECT_EQ(Blank.pieces().size(), 1u);
  BodyTemplate Nothing = tmpl("${param:n}");
  Nothing.trim();
  EXPECT_EQ(notation(Nothing), "${param:n}");
}

TEST(BodyTemplate, UsesCountsOneKindOfHoleByName) {
  BodyTemplate T = tmpl("${metric:n}(${param:n}, ${param:n}, ${param:m})");
  EXPECT_EQ(T.uses(Kind::Param, "n"), 2u);
  EXPECT_EQ(T.uses(Kind::Metric, "n"), 1u);
  EXPECT_EQ(T.uses(Kind::Param, "x"), 0u);
}

TEST(BodyTemplate, HolesNamedForAWordSearch) {
  BodyTemplate T = tmpl("${metric:a_total}->Observe(${param:ms} / kScale);");
  EXPECT_EQ(T.withHolesNamed(), "a_total->Observe(ms / kScale);");
  EXPECT_EQ(T.withHolesNamed(2), "ms / kScale);");
}

} // namespace
