//===--- ValueAssertionRecorder.h - What tests assert of metric values -*- C++ -*-===//
//
// Records each gtest assertion in a test body comparing a value the test
// reads through a call (`EXPECT_EQ(sampleValue(*registry, "x_total"), 2.0)`,
// `EXPECT_EQ(metrics.pendingRecords(), 1.0)`, `EXPECT_GE(flushed("size"),
// 1)`) with what it expects: the call, the string literals and the service's
// methods it names (directly or through the project function it calls), and
// where in the body the same read could first be made. Also each assertion
// that a text searches for a line of a text exposition
// (`EXPECT_THAT(text, HasSubstr("x_total 7"))`, `EXPECT_NE(text.find("x_total
// 7"), std::string::npos)`). Records only: which
// reads are reads of a metric, and what becomes of them, is the rewriters'
// business (rewriters/DeltaAssertions.cpp).
//
//===----------------------------------------------------------------------===//

#ifndef METRICS_MIGRATE_MATCHERS_VALUEASSERTIONRECORDER_H
#define METRICS_MIGRATE_MATCHERS_VALUEASSERTIONRECORDER_H

#include "matchers/ASTUtil.h"
#include "matchers/UseRecorder.h"
#include "matchers/Recorder.h"

#include "core/Facts.h"

namespace mm {

/// The recorder of the assertions, writing into \p Out as it matches.
std::unique_ptr<Recorder> valueAssertionRecorder(const InterfaceSet &Set, const Locator &Loc,
                                                 Facts &Out);
/// Runs it alone over \p Ctx.
void recordValueAssertions(clang::ASTContext &Ctx, const InterfaceSet &Set, const Locator &Loc,
                           Facts &Out);

} // namespace mm

#endif // METRICS_MIGRATE_MATCHERS_VALUEASSERTIONRECORDER_H
